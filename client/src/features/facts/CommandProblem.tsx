/** Why a command failed, in the server's words, announced as an alert; nothing when it did not. */
export function CommandProblem({ problem, id }: { problem: string | null; id?: string }) {
  if (!problem) return null
  return (
    <p id={id} className="field__error fact-problem" role="alert">
      {problem}
    </p>
  )
}
