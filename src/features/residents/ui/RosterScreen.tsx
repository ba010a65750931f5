import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, Textarea, View } from '@tarojs/components'
import { ROSTER_COLUMNS } from '@/domain/residents'
import { ActionButton } from '@/components/ActionButton'
import { Card } from '@/components/Card'
import { pickRosterFileWeapp, readFileAsText } from '../rosterFile'
import { countLines, useRosterImport } from '../useRosterImport'
import '../../../components/workspace.scss'
import './RosterScreen.scss'

const HEADER = ROSTER_COLUMNS.join(',')
const EXAMPLE = ['第一网格,3栋,2,301,王秀兰,2,13812345678', '第一网格,3栋,2,302,李建国,3,', '第二网格,5组,,12,张福贵,4,13900001111']

/** 花名册导入: a CSV file or pasted text → added / updated / unchanged and the lines that were refused. */
export function RosterScreen() {
  const roster = useRosterImport()
  const [showTemplate, setShowTemplate] = useState(false)
  const [reading, setReading] = useState(false)
  const { result, error } = roster

  const onPicked = async (file: File | undefined) => {
    if (!file) return
    setReading(true)
    try {
      roster.setFile({ name: file.name, text: await readFileAsText(file) })
    } catch {
      roster.setInputError('文件没有读出来，请换一个文件或粘贴内容')
    } finally {
      setReading(false)
    }
  }

  const pickWeapp = async () => {
    setReading(true)
    try {
      const picked = await pickRosterFileWeapp()
      if (picked) roster.setFile(picked)
    } catch {
      roster.setInputError('文件没有读出来，请换一个文件或粘贴内容')
    } finally {
      setReading(false)
    }
  }

  return (
    <View className='gz-page workspace roster' data-testid='roster-screen'>
      <Text className='workspace__intro'>
        导入全社区住户的花名册。居民认证时，姓名和花名册户主一致的会自动通过。同一个文件导入两次不会重复。
      </Text>

      <Card
        title='表格格式'
        extra={
          <ActionButton kind='plain' testid='roster-template-toggle' onClick={() => setShowTemplate((v) => !v)}>
            {showTemplate ? '收起模板' : '查看表格模板'}
          </ActionButton>
        }
      >
        <Text className='workspace__text'>第一行是表头，依次为：</Text>
        <View className='roster__columns' data-testid='roster-columns'>
          {ROSTER_COLUMNS.map((c, i) => (
            <Text key={c} className='roster__column'>
              {i + 1}. {c}
              {c === '联系电话' ? '（可不填）' : c === '单元' ? '（没有可空着）' : ''}
            </Text>
          ))}
        </View>
        {showTemplate ? (
          <View className='roster__template' data-testid='roster-template'>
            <Text className='workspace__text'>示例（用 Excel 另存为“CSV UTF-8”即可）：</Text>
            <Text className='roster__code' userSelect>
              {[HEADER, ...EXAMPLE].join('\n')}
            </Text>
            {!roster.pasted ? (
              <ActionButton kind='secondary' testid='roster-use-template' onClick={() => roster.setPasted(HEADER + '\n')}>
                把表头填入下方
              </ActionButton>
            ) : null}
          </View>
        ) : null}
      </Card>

      <Card title='选择文件'>
        {process.env.TARO_ENV === 'h5' ? (
          <label className='roster__file'>
            <Text className='roster__file-word'>{reading ? '正在读取文件…' : '选择 CSV 文件'}</Text>
            <input
              className='roster__file-input'
              type='file'
              accept='.csv,text/csv'
              data-testid='roster-file'
              onChange={(e) => {
                const input = e.currentTarget
                void onPicked(input.files?.[0]).finally(() => {
                  input.value = ''
                })
              }}
            />
          </label>
        ) : (
          <ActionButton kind='secondary' block loading={reading} loadingText='正在读取文件…' testid='roster-pick' onClick={() => void pickWeapp()}>
            从微信聊天中选择 CSV 文件
          </ActionButton>
        )}
        {roster.file ? (
          <View className='roster__picked' data-testid='roster-picked'>
            <Text>
              已选择：{roster.file.name}（{countLines(roster.file.text)} 行，含表头）
            </Text>
            <ActionButton kind='plain' testid='roster-unpick' onClick={() => roster.setFile(null)}>
              不用这个文件
            </ActionButton>
          </View>
        ) : null}
      </Card>

      <Card title={roster.file ? '或者粘贴表格内容（已选文件时以文件为准）' : '或者粘贴表格内容'}>
        <Textarea
          className='gz-textarea roster__text'
          value={roster.pasted}
          maxlength={-1}
          placeholder={`${HEADER}\n${EXAMPLE[0]}`}
          onInput={(e) => roster.setPasted(e.detail.value)}
          data-testid='roster-text'
        />
        {roster.pasted ? <Text className='gz-muted'>共 {countLines(roster.pasted)} 行（含表头）</Text> : null}
      </Card>

      {roster.inputError ? (
        <View className='gz-banner gz-banner--error' data-testid='roster-input-error'>
          <Text>{roster.inputError}</Text>
        </View>
      ) : null}
      {error ? (
        <View className='gz-banner gz-banner--error' data-testid='roster-error'>
          <Text className='roster__error-title'>没有导入：{error.message}</Text>
          {error.code === 'INVALID_INPUT' || error.code === 'PAYLOAD_TOO_LARGE' ? (
            <Text>整份文件都没有导入，改正后再点“导入”即可。</Text>
          ) : (
            <Text>可以直接再点“导入”，不会重复导入。</Text>
          )}
        </View>
      ) : null}

      <ActionButton
        kind='primary'
        size='large'
        block
        loading={roster.submitting}
        loadingText='正在导入…'
        disabled={reading}
        testid='roster-submit'
        onClick={() =>
          void roster.submit().then((ok) => {
            // the result is below the fold on a phone: bring it into view
            if (ok) setTimeout(() => Promise.resolve(Taro.pageScrollTo({ selector: '.roster__result', duration: 300 })).catch(() => undefined), 50)
          })
        }
      >
        导入
      </ActionButton>

      {result ? (
        <View className='roster__result' data-testid='roster-result'>
          <Text className='roster__result-title'>导入完成</Text>
          <View className='roster__counts'>
            <Count testid='roster-added' label='新增' n={result.added} />
            <Count testid='roster-updated' label='更新' n={result.updated} />
            <Count testid='roster-unchanged' label='未变' n={result.unchanged} />
          </View>
          {result.rejected.length > 0 ? (
            <View className='roster__rejected'>
              <Text className='roster__rejected-title'>有 {result.rejected.length} 行没有导入，请改正后重新导入：</Text>
              {result.rejected.map((r) => (
                <Text key={r.line} className='roster__rejected-line' data-testid='roster-rejected' data-line={r.line}>
                  第 {r.line} 行：{r.reason}
                </Text>
              ))}
            </View>
          ) : (
            <Text className='roster__all-ok' data-testid='roster-all-ok'>
              ✓ 所有行都已导入
            </Text>
          )}
        </View>
      ) : null}
    </View>
  )
}

function Count({ testid, label, n }: { testid: string; label: string; n: number }) {
  return (
    <Text className='roster__count' data-testid={testid} data-count={n}>
      {label} <Text className='roster__count-n'>{n}</Text> 户
    </Text>
  )
}
