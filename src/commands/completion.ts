// mine completion SHELL: a script that completes mine's commands and their options in bash, zsh or fish, made from
// the commands as they are wired (so it never falls behind them). Paths complete as files.
import { UsageError } from '../errors.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

export interface CompletedCommand {
  name: string;
  summary: string;
  options: Array<{ flag: string; help: string; takesValue: boolean }>;
}

export function completionScript(shell: string, commands: CompletedCommand[]): string {
  switch (shell) {
    case 'bash': return bash(commands);
    case 'zsh': return zsh(commands);
    case 'fish': return fish(commands);
    default: throw new UsageError(`completion takes ${SHELLS.join(', ')}, not '${shell}'`);
  }
}

/** Help text safe inside single quotes and zsh's [...] descriptions. */
function plain(text: string): string {
  return text.replace(/[[\]:'\\`$]/g, '').replace(/\s+/g, ' ').slice(0, 80);
}

function bash(commands: CompletedCommand[]): string {
  const cases = commands.map((c) => `    ${c.name}) opts="${c.options.map((o) => o.flag).join(' ')}" ;;`).join('\n');
  return `# mine completion for bash: add to ~/.bashrc: source <(mine completion bash)
_mine() {
  local cur=\${COMP_WORDS[COMP_CWORD]} opts=""
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=($(compgen -W "${commands.map((c) => c.name).join(' ')} --help --version" -- "$cur"))
    return
  fi
  [[ $cur == -* ]] || return
  case \${COMP_WORDS[1]} in
${cases}
  esac
  COMPREPLY=($(compgen -W "$opts --help" -- "$cur"))
}
complete -o default -F _mine mine
`;
}

function zsh(commands: CompletedCommand[]): string {
  const list = commands.map((c) => `    '${c.name}:${plain(c.summary)}'`).join('\n');
  const cases = commands
    .map((c) => `    ${c.name}) _arguments -s ${c.options.map((o) => `'${o.flag}[${plain(o.help)}]${o.takesValue ? ':value:' : ''}'`).join(' ')} '*:file:_files' ;;`)
    .join('\n');
  return `#compdef mine
# mine completion for zsh: add to ~/.zshrc: source <(mine completion zsh)
_mine() {
  local -a commands
  commands=(
${list}
  )
  if (( CURRENT == 2 )); then
    _describe 'command' commands
    return
  fi
  shift words
  (( CURRENT-- ))
  case $words[1] in
${cases}
  esac
}
if [ "$funcstack[1]" = "_mine" ]; then _mine "$@"; else compdef _mine mine; fi
`;
}

function fish(commands: CompletedCommand[]): string {
  const lines = ['# mine completion for fish: mine completion fish > ~/.config/fish/completions/mine.fish'];
  for (const c of commands) lines.push(`complete -c mine -f -n __fish_use_subcommand -a ${c.name} -d '${plain(c.summary)}'`);
  for (const c of commands) {
    for (const o of c.options) lines.push(`complete -c mine -n '__fish_seen_subcommand_from ${c.name}' -l ${o.flag.replace(/^--/, '')}${o.takesValue ? ' -r' : ''} -d '${plain(o.help)}'`);
  }
  return lines.join('\n') + '\n';
}
