import { useState } from 'react'
import dayjs from 'dayjs'
import { Picker, Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/ActionButton'
import { Card } from '@/components/Card'
import { ListState } from '@/components/ListState'
import { PagedList } from '@/components/PagedList'
import { Tag } from '@/components/Tag'
import { formatDate } from '@/components/time'
import type { RulesView } from '@/domain/motions'
import { articleLabel } from '../format'
import { useRules } from '../useRules'
import './Rules.scss'

/** 现行村规民约/居民公约: the version in force (its articles, when adopted, whether filed), and the earlier ones. */
export function RulesScreen({ committee, onMotion }: { committee: boolean; onMotion: (id: string) => void }) {
  const r = useRules()
  const current = r.current
  const [openVersion, setOpenVersion] = useState<number | null>(null)
  return (
    <View className='gz-page motion-rules' data-testid='rules-screen'>
      <ListState
        status={current.status}
        error={current.error}
        isEmpty={!current.data}
        emptyText='还没有表决通过的村规民约/居民公约'
        emptyHint='村规民约经居民表决通过后会在这里公布'
        onRetry={() => void current.reload()}
      >
        {current.data ? <RulesText rules={current.data} current committee={committee} markFiled={r.markFiled} filing={r.filing} onMotion={onMotion} /> : null}
      </ListState>

      <Text className='motion-rules__section'>历次版本</Text>
      <PagedList list={r.history} refreshError='none' isEmpty={r.history.items.length <= 1} emptyText='没有更早的版本' endText=''>
        <View data-testid='rules-history'>
          {r.history.items
            .filter((v) => v.version !== current.data?.version)
            .map((v) =>
              openVersion === v.version ? (
                <RulesText key={v.id} rules={v} current={false} committee={committee} markFiled={r.markFiled} filing={r.filing} onMotion={onMotion} onClose={() => setOpenVersion(null)} />
              ) : (
                <View key={v.id} className='motion-rules__old' role='button' data-testid='rules-old' onClick={() => setOpenVersion(v.version)}>
                  <Text className='motion-rules__old-title'>
                    第 {v.version} 版 · {v.title}
                  </Text>
                  <Text className='gz-muted'>{formatDate(v.adoptedAt)} 通过，点开阅读 ›</Text>
                </View>
              ),
            )}
        </View>
      </PagedList>
    </View>
  )
}

interface RulesTextProps {
  rules: RulesView
  current: boolean
  committee: boolean
  filing: boolean
  markFiled: (version: number, date: string) => Promise<{ ok: boolean; message?: string }>
  onMotion: (id: string) => void
  onClose?: () => void
}

function RulesText({ rules, current, committee, filing, markFiled, onMotion, onClose }: RulesTextProps) {
  const [date, setDate] = useState(dayjs().format('YYYY-MM-DD'))
  const [error, setError] = useState<string | null>(null)
  const file = async () => {
    const done = await markFiled(rules.version, date)
    setError(done.ok ? null : (done.message ?? '没有登记成功'))
  }
  return (
    <Card testid={current ? 'rules-current' : 'rules-version'}>
      <View className='motion-rules__tags'>
        <Tag tone={current ? 'green' : 'grey'}>{current ? '现行有效' : '已被新版本取代'}</Tag>
        <Tag tone='blue'>第 {rules.version} 版</Tag>
        {rules.filedAt ? (
          <Tag tone='green' testid='rules-filed'>
            已报乡镇备案（{formatDate(rules.filedAt)}）
          </Tag>
        ) : (
          <Tag tone='amber' testid='rules-not-filed'>
            尚未报备案
          </Tag>
        )}
      </View>
      <Text className='motion-rules__title' data-testid='rules-title'>
        {rules.title}
      </Text>
      <Text className='gz-muted'>{formatDate(rules.adoptedAt)} 经居民表决通过</Text>
      <View className='motion-rules__articles'>
        {rules.articles.map((a, i) => (
          <View key={i} className='motion-rules__article' data-testid='rules-article'>
            <Text className='motion-rules__no'>{articleLabel(i)}</Text>
            <Text className='motion-rules__text'>{a.text}</Text>
          </View>
        ))}
      </View>
      <ActionButton kind='plain' testid='rules-motion' onClick={() => onMotion(rules.motionId)}>
        查看表决过程和结果
      </ActionButton>
      {committee && !rules.filedAt ? (
        <View className='motion-rules__file' data-testid='rules-file'>
          <Text className='motion-rules__label'>已报乡镇（街道）备案？登记备案日期：</Text>
          <Picker mode='date' value={date} end={dayjs().format('YYYY-MM-DD')} onChange={(e) => setDate(String(e.detail.value))}>
            <View className='motion-rules__date' data-testid='rules-file-date'>
              <Text>{date ? formatDate(`${date}T12:00:00+08:00`) : '选择日期'}</Text>
            </View>
          </Picker>
          {error ? <Text className='motion-rules__error' data-testid='rules-file-error'>{error}</Text> : null}
          <ActionButton kind='secondary' block testid='rules-file-submit' loading={filing} loadingText='正在登记…' onClick={() => void file()}>
            登记为已报乡镇备案
          </ActionButton>
        </View>
      ) : null}
      {onClose ? (
        <ActionButton kind='plain' testid='rules-close' onClick={onClose}>
          收起
        </ActionButton>
      ) : null}
    </Card>
  )
}
