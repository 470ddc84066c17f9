import type { CannedResponse } from '@parley/contracts';

interface CannedSuggestionsProps {
  options: CannedResponse[];
  active: number;
  choose: (response: CannedResponse) => void;
}

/** The canned responses a `/` in the composer asks for; the composer moves through them with the keys. */
export function CannedSuggestions({ options, active, choose }: CannedSuggestionsProps) {
  if (options.length === 0) {
    return (
      <p class="suggestions empty muted" id="canned-suggestions" role="status">
        No canned response starts like that.
      </p>
    );
  }
  return (
    <ul class="suggestions" id="canned-suggestions" role="listbox" aria-label="Canned responses">
      {options.map((response, i) => (
        <li
          key={response.id}
          id={`canned-${response.id}`}
          role="option"
          aria-selected={i === active}
          class={i === active ? 'active' : ''}
          // mousedown, not click: the textarea keeps its focus.
          onMouseDown={(event) => {
            event.preventDefault();
            choose(response);
          }}
        >
          <strong>/{response.shortcut}</strong> {response.title}
          {response.shared && <span class="tag">team</span>}
          <span class="preview muted">{response.content}</span>
        </li>
      ))}
    </ul>
  );
}
