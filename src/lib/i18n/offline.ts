import type { Locale } from './locales';

/** Strings of the offline support (service worker): the update prompt and the offline-ready note. */
const en = {
  'offline.ready': 'This notebook is now saved on this device: it keeps working without a network, training included.',
  'offline.update': 'A new version of the notebook is available.',
  'offline.reload': 'Reload',
  'offline.later': 'Later',
  'offline.close': 'Close',
} as const;

export type OfflineKey = keyof typeof en;

const zh: Record<OfflineKey, string> = {
  'offline.ready': '本笔记已保存到这台设备，断网后也能继续阅读和训练。',
  'offline.update': '笔记有新版本了。',
  'offline.reload': '重新加载',
  'offline.later': '稍后',
  'offline.close': '关闭',
};

export const offlineStrings: Record<Locale, Record<OfflineKey, string>> = { en, zh };

/** The web app manifest's names and description, per language. */
export const manifestText: Record<Locale, { name: string; short_name: string; description: string }> = {
  zh: { name: '残差网络互动笔记', short_name: '残差网络笔记', description: '关于卷积神经网络与残差网络的中英双语互动笔记，网络在浏览器里现场训练。' },
  en: { name: 'ResNet Notebook', short_name: 'ResNet Notebook', description: 'An interactive bilingual notebook on CNNs and residual networks; the networks train live in your browser.' },
};
