export default definePageConfig({
  navigationBarTitleText: '人员与网格员',
})
