/** True on Apple platforms, where Mod means ⌘ rather than Ctrl. */
export function isApple(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad|iPod/.test(navigator.platform || navigator.userAgent)
}

/**
 * A ProseMirror key name (`Mod-Shift-z`) as people read it: `Ctrl+Shift+Z`, or `⌘⇧Z` on a Mac.
 */
export function shortcutLabel(keys: string, apple: boolean = isApple()): string {
  const parts = keys.split('-')
  const key = (parts.pop() ?? '').toUpperCase()
  const names = parts.map((mod) => {
    switch (mod) {
      case 'Mod':
        return apple ? '⌘' : 'Ctrl'
      case 'Shift':
        return apple ? '⇧' : 'Shift'
      case 'Alt':
        return apple ? '⌥' : 'Alt'
      default:
        return mod
    }
  })
  return apple ? [...names, key].join('') : [...names, key].join('+')
}
