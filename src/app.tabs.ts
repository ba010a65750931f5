/**
 * The tab bar, once: app.config.ts builds `tabBar.list` from it, and the client finds a tab's index here
 * (setTabBarBadge, switchTab), so no index is ever written as a number.
 */
export const TAB_BAR = [
  { pagePath: 'pages/index/index', text: '首页', iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-active.png' },
  { pagePath: 'pages/vote/index', text: '议事', iconPath: 'assets/tab/vote.png', selectedIconPath: 'assets/tab/vote-active.png' },
  { pagePath: 'pages/report/index', text: '随手拍', iconPath: 'assets/tab/report.png', selectedIconPath: 'assets/tab/report-active.png' },
  { pagePath: 'pages/patrol/index', text: '巡逻', iconPath: 'assets/tab/patrol.png', selectedIconPath: 'assets/tab/patrol-active.png' },
  { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tab/me.png', selectedIconPath: 'assets/tab/me-active.png' },
] as const

export type TabPage = `/${(typeof TAB_BAR)[number]['pagePath']}`
