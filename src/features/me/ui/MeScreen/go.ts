import Taro from '@tarojs/taro'

/** Opens a page of the app over 我的. */
export function go(url: string) {
  void Taro.navigateTo({ url })
}
