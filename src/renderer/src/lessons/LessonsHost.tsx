/**
 * Everything lessons add to the window, mounted once inside the AppProvider: the start screen, the
 * player, the Lessons menu command, opening at launch, and the knot binding of seed 000 (while a step
 * says so, the model is rebuilt from the target's knots after every edit, so dragging a knot in the
 * explorer's knot editor moves the exact network with it).
 */
import { useEffect } from 'react';
import { getPlatform } from '../platform';
import { useApp } from '../state/AppContext';
import { followKnots, lessonRefOf } from './lessonState';
import { LessonPlayer } from './LessonPlayer';
import { lessons } from './registry';
import { StartScreen } from './StartScreen';
import { firstVisit, openStartScreen, opensAtLaunch } from './startScreenStore';
import './lessons.css';

export function LessonsHost() {
  const stores = useApp();
  useEffect(() => {
    const platform = getPlatform();
    const off = platform.onMenu((c) => c === 'lessons' && openStartScreen());
    if (opensAtLaunch(platform.kind, window.location, firstVisit())) openStartScreen();
    return off;
  }, []);
  useEffect(() => {
    const sync = () => {
      const draft = stores.doc.get().draft;
      const ref = lessonRefOf(draft);
      if (!ref || !lessons.get(ref.id)?.steps[ref.step]?.followKnots) return;
      const next = followKnots(draft);
      if (next) stores.doc.edit((d) => void Object.assign(d, { model: next.model }));
    };
    sync();
    return stores.doc.subscribe(sync);
  }, [stores]);
  return (
    <>
      <LessonPlayer />
      <StartScreen />
    </>
  );
}
