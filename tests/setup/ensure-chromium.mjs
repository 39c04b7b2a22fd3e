// Runs before `npm test`: the browser tests drive Debian's Chromium at /usr/bin/chromium.
// Where it is missing, install it from Debian's packages (as root); never a test tool's own browser download.
import { existsSync } from 'node:fs'
import { execSync } from 'node:child_process'

const CHROMIUM = '/usr/bin/chromium'
if (!existsSync(CHROMIUM)) {
  if (process.getuid?.() !== 0) {
    console.error(`${CHROMIUM} is missing: install it with 'sudo apt-get install -y chromium' and run npm test again.`)
    process.exit(1)
  }
  console.log('Installing Debian chromium for the browser tests…')
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' })
}
