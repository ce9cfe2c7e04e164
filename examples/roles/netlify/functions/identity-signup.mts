// Called by the local identity server when a signup is confirmed (at once with autoconfirm).
export const handler = async (event: { body: string }) => {
  const { user } = JSON.parse(event.body) as { user: { app_metadata: Record<string, unknown> } };
  return {
    statusCode: 200,
    body: JSON.stringify({ app_metadata: { ...user.app_metadata, roles: ['member'] } }),
  };
};
