import { render, screen, within } from '@testing-library/react'
import { PrivacyScreen } from '@/features/legal/ui/PrivacyScreen'
import { PRIVACY_FACTS, PRIVACY_SECTIONS } from '@/features/legal/privacyGuide'

describe('PrivacyScreen (隐私保护指引)', () => {
  it('has a section per purpose, each item with what, why and who sees it', () => {
    render(<PrivacyScreen />)
    for (const id of ['login', 'phone', 'resident', 'volunteer', 'patrol', 'report', 'notice']) {
      const section = screen.getByTestId(`privacy-section-${id}`)
      expect(within(section).getAllByText('为什么要').length).toBeGreaterThan(0)
      expect(within(section).getAllByText('谁能看到').length).toBeGreaterThan(0)
    }
    for (const id of ['where', 'keep', 'choices', 'contact']) expect(screen.getByTestId(`privacy-section-${id}`)).toBeTruthy()
  })

  it('names what the app really collects and how to say no', () => {
    render(<PrivacyScreen />)
    const text = screen.getByTestId('privacy-page').textContent ?? ''
    for (const word of ['手机号', '楼栋/单元/房号', '与户主的关系', '特长', '可服务时间', '位置', '照片', '评价', '确认过']) {
      expect(text).toContain(word)
    }
    // location only on a tap, photos without where they were taken, refusing still works
    expect(text).toContain('只在您自己点“在地图上选位置”或“获取我的位置”时获取')
    expect(text).toContain('拍摄地点的信息在上传时就被去掉')
    expect(text).toContain('选择所在网格')
    expect(text).toContain('改为匿名')
    expect(text).toContain('撤回')
    expect(text).toContain('社区居委会')
    expect(text).toContain('本社区自己的服务器')
  })

  it('巡逻签到: the location read once at check-in, why, who sees what, kept with no deletion, and refusing only stops check-in', () => {
    render(<PrivacyScreen />)
    const patrol = screen.getByTestId('privacy-section-patrol').textContent ?? ''
    expect(patrol).toContain('位置：签到时读取一次当前位置')
    expect(patrol).toContain('确认您已到达巡逻区域')
    // what the server returns: check-in times to staff, the position to nobody (a 发现隐患 without its own location is placed there)
    expect(patrol).toContain('看到的是签到、签退的时间和服务时长，看不到位置')
    expect(patrol).toContain('这条随手拍就标在您签到的位置')
    expect(patrol).toContain('每位志愿者的巡逻记录')
    expect(screen.getByTestId('privacy-section-keep').textContent).toContain('巡逻签到的位置、签到签退时间和巡逻记录随签到记录一直保存，目前没有自动删除')
    expect(screen.getByTestId('privacy-section-choices').textContent).toContain('不同意使用位置时，只是巡逻签到不可用')
  })

  it('is all Chinese: no English words shown to the reader', () => {
    render(<PrivacyScreen />)
    const text = screen.getByTestId('privacy-page').textContent ?? ''
    expect(text).not.toMatch(/[A-Za-z]{2,}/)
    // and the data itself, should a section be rendered elsewhere
    const all = JSON.stringify([PRIVACY_SECTIONS.map((s) => [s.title, s.items]), PRIVACY_FACTS.map((f) => [f.title, f.lines])])
    expect(all.replace(/"(id|title|items|what|why|who|lines)"/g, '')).not.toMatch(/"[^"]*[A-Za-z]{2,}[^"]*"/)
  })

  it('on H5 has no link to WeChat’s own copy of the guide', () => {
    render(<PrivacyScreen />)
    expect(screen.queryByTestId('privacy-wechat-contract')).toBeNull()
  })
})
