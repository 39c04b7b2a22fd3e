import { useId, type FormEvent } from 'react'
import type { FactRecord, FactSpeaker } from '../../../../shared/article/index.ts'
import { CommandProblem } from './CommandProblem.tsx'
import { entryText, type FactEntry } from './factEntries.ts'
import type { FactsController } from './factsController.ts'
import { MAX_FIELD_CHARS } from './sourceDraft.ts'
import { useCommandAction } from './useCommandAction.ts'
import { useDraft } from './useDraft.ts'

const NOBODY = ''
const TYPED = '__typed__'

/** A person tag's name as offered for a speaker: its canonical name, else its words. */
function personName(entry: FactEntry): string {
  return entry.record.canonicalName.trim() || entryText(entry).trim()
}

interface FactSpeakerFieldProps {
  record: FactRecord
  controller: FactsController
  canCheck: boolean
  /** The article's person tags, to pick the speaker from. */
  people: readonly FactEntry[]
}

/**
 * Who said a quote, and whether it was checked against a recording. Roles with checkFacts pick a
 * person tag of the article or type a name, then Save (`fact.update` speaker), and tick the
 * recording box (sent at once); others read them.
 */
export function FactSpeakerField({ record, controller, canCheck, people }: FactSpeakerFieldProps) {
  const id = useId()
  const action = useCommandAction()
  const recording = useCommandAction()
  const saved = record.speaker
  const savedChoice = saved === null ? NOBODY : saved.tagId !== null && people.some((p) => p.record.id === saved.tagId) ? saved.tagId : TYPED
  const choice = useDraft(savedChoice)
  const name = useDraft(saved?.tagId ? '' : (saved?.name ?? ''))

  if (!canCheck) {
    return (
      <div className="fact-card__row">
        <span className="fact-card__label">Speaker</span>
        <span>{saved?.name || 'Not given'}</span>
        <span className="fact-card__muted">{record.checkedAgainstRecording ? 'Checked against a recording' : 'Not checked against a recording'}</span>
      </div>
    )
  }

  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    let speaker: FactSpeaker | null
    if (choice.current === NOBODY) speaker = null
    else if (choice.current === TYPED) {
      const typed = name.current.trim()
      speaker = typed === '' ? null : { tagId: null, name: typed }
    } else {
      const person = people.find((p) => p.record.id === choice.current)
      speaker = person ? { tagId: person.record.id, name: personName(person) } : null
    }
    if (await action.run(() => controller.updateFact(record.id, { speaker }))) {
      choice.reset()
      name.reset()
    }
  }

  const dirty = choice.dirty || name.dirty
  return (
    <form className="fact-card__section" onSubmit={(event) => void save(event)} aria-label="Speaker">
      <label className="fact-card__label" htmlFor={`${id}-speaker`}>
        Speaker
      </label>
      <select id={`${id}-speaker`} className="fact-card__select" value={choice.current} onChange={(e) => choice.set(e.target.value)}>
        <option value={NOBODY}>Not given</option>
        {people.map((person) => (
          <option key={person.record.id} value={person.record.id}>
            {personName(person)} (person tag)
          </option>
        ))}
        <option value={TYPED}>Someone else: type a name</option>
      </select>
      {choice.current === TYPED && (
        <>
          <label className="visually-hidden" htmlFor={`${id}-name`}>
            Speaker’s name
          </label>
          <input
            id={`${id}-name`}
            type="text"
            placeholder="Speaker’s name"
            maxLength={MAX_FIELD_CHARS}
            value={name.current}
            onChange={(e) => name.set(e.target.value)}
          />
        </>
      )}
      {dirty && (
        <div className="fact-card__actions">
          <button type="submit" className="button button--primary button--small" disabled={action.pending}>
            Save speaker
          </button>
          <button
            type="button"
            className="button button--quiet button--small"
            onClick={() => {
              choice.reset()
              name.reset()
              action.clear()
            }}
          >
            Cancel
          </button>
        </div>
      )}
      <CommandProblem problem={action.problem} />
      <label className="fact-card__check">
        <input
          type="checkbox"
          checked={record.checkedAgainstRecording}
          disabled={recording.pending}
          onChange={(e) => void recording.run(() => controller.updateFact(record.id, { checkedAgainstRecording: e.target.checked }))}
        />
        Checked against a recording
      </label>
      <CommandProblem problem={recording.problem} />
    </form>
  )
}
