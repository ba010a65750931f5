export default definePageConfig({
  navigationBarTitleText: '阅读统计',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
