// The demo's Identity event function: the local server calls it when a signup is confirmed (or at
// once with autoconfirm), exactly as Netlify does, and the role it gives is in the user's tokens.
interface SignupEvent {
  event: 'signup';
  user: { email: string; app_metadata: Record<string, unknown> };
}

export const handler = async (event: { body: string }) => {
  const { user } = JSON.parse(event.body) as SignupEvent;
  console.log(`giving ${user.email} the member role`);
  return {
    statusCode: 200,
    body: JSON.stringify({ app_metadata: { ...user.app_metadata, roles: ['member'] } }),
  };
};
