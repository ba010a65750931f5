export default definePageConfig({
  navigationBarTitleText: '办结时限设置',
})
