import { ROLES, ROLE_LABELS, type Role } from '../../../../shared/auth/index.ts'

interface RoleSelectProps {
  id?: string
  value: Role
  onChange: (role: Role) => void
  /** The accessible name when no <label> points at it, e.g. "Role of Alice Jones". */
  label?: string
  disabled?: boolean
}

/** A <select> of the newsroom roles, strongest first, with their labels. */
export function RoleSelect({ id, value, onChange, label, disabled }: RoleSelectProps) {
  return (
    <select
      id={id}
      className="role-select"
      value={value}
      aria-label={label}
      disabled={disabled}
      onChange={(event) => {
        const next = ROLES.find((role) => role === event.target.value)
        if (next) onChange(next)
      }}
    >
      {ROLES.map((role) => (
        <option key={role} value={role}>
          {ROLE_LABELS[role]}
        </option>
      ))}
    </select>
  )
}
