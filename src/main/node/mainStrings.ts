/**
 * What the main process shows (menus, native dialogs) in English and Simplified Chinese, so the window
 * speaks one language. The language is the one the renderer saved (read from the page at load), else
 * the system's.
 */
export type MainLanguage = 'en' | 'zh';

export function mainLanguage(saved: unknown, systemLocale: string): MainLanguage {
  if (saved === 'en' || saved === 'zh') return saved;
  return systemLocale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

const en = {
  file: '&File',
  edit: '&Edit',
  view: '&View',
  lessons: '&Lessons',
  help: '&Help',
  newExperiment: 'New Experiment',
  open: 'Open…',
  openRecent: 'Open Recent',
  clearRecent: 'Clear Recent',
  noRecent: 'No Recent Files',
  save: 'Save',
  saveAs: 'Save As…',
  exportResults: 'Export Results…',
  run: 'Run',
  cancelRun: 'Cancel Run',
  showLessons: 'Show Lessons…',
  openTitle: 'Open Experiment',
  experimentFilter: 'Relief experiment',
  cannotOpen: 'Cannot open file',
  ok: 'OK',
  unsavedTitle: 'Unsaved changes',
  unsavedMessage: (name: string) => `Save changes to ${name} before closing?`,
  dontSave: 'Don’t Save',
  cancel: 'Cancel',
};

export type MainStrings = typeof en;

const zh: MainStrings = {
  file: '文件(&F)',
  edit: '编辑(&E)',
  view: '视图(&V)',
  lessons: '课程(&L)',
  help: '帮助(&H)',
  newExperiment: '新建实验',
  open: '打开…',
  openRecent: '最近打开',
  clearRecent: '清除最近记录',
  noRecent: '没有最近的文件',
  save: '保存',
  saveAs: '另存为…',
  exportResults: '导出结果…',
  run: '运行',
  cancelRun: '取消运行',
  showLessons: '显示课程…',
  openTitle: '打开实验',
  experimentFilter: 'Relief 实验',
  cannotOpen: '无法打开文件',
  ok: '确定',
  unsavedTitle: '有未保存的更改',
  unsavedMessage: (name: string) => `关闭前保存对 ${name} 的更改吗？`,
  dontSave: '不保存',
  cancel: '取消',
};

export function mainStrings(lang: MainLanguage): MainStrings {
  return lang === 'zh' ? zh : en;
}
