export default definePageConfig({
  navigationBarTitleText: '一张图',
})
