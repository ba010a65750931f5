export default definePageConfig({
  navigationBarTitleText: '我联系的住户',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
