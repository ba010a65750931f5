export default definePageConfig({
  navigationBarTitleText: '随手拍',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 120,
})
