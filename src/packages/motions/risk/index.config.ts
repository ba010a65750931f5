export default definePageConfig({
  navigationBarTitleText: '社会稳定风险评估',
})
