import type { ComponentChildren } from 'preact';
import type { Me } from './auth/token';

/** A failure a person should read, announced to screen readers. */
export function Alert({ message }: { message: string | null }) {
  return message ? (
    <p role="alert" class="error">
      {message}
    </p>
  ) : null;
}

/** Who is signed in, extra controls, and the way out. */
export function Toolbar({ me, signOut, children }: { me: Me; signOut: () => void; children?: ComponentChildren }) {
  return (
    <div class="toolbar">
      <span>
        Signed in as <strong>{me.name}</strong> ({me.role})
      </span>
      {children}
      <button type="button" class="secondary" onClick={signOut}>
        Sign out
      </button>
    </div>
  );
}

/** A form's submit handler that keeps the page where it is. */
export const onSubmit =
  (handler: () => unknown) =>
  (event: Event): void => {
    event.preventDefault();
    void handler();
  };
