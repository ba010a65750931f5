export default definePageConfig({
  navigationBarTitleText: '社区通知',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 120,
})
