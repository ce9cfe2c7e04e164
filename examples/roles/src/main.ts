import 'netlify-identity-elements';

const answer = document.querySelector<HTMLElement>('#answer')!;

// The function checks the user itself: the gate around this button only hides it.
document.querySelector('#load')!.addEventListener('click', async () => {
  const response = await fetch('/api/members');
  const body = (await response.json()) as { message?: string; error?: string };
  answer.textContent = `${response.status}: ${body.message ?? body.error}`;
});
