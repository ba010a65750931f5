export default definePageConfig({ navigationBarTitleText: '代为上报' })
