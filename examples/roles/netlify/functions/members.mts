import { admin, getUser } from '@netlify/identity';

// Run by Netlify's local runtime: getUser() reads the nf_jwt cookie and asks the Identity API for
// the user; admin calls use the admin token the platform (here, the local server) provides.
export default async () => {
  const user = await getUser();
  if (!user) return Response.json({ error: 'Log in first.' }, { status: 401 });
  if (!user.roles?.includes('member')) {
    return Response.json({ error: 'Members only.' }, { status: 403 });
  }
  const members = (await admin.listUsers()).filter((someone) => someone.roles?.includes('member'));
  return Response.json({
    message: `Hello ${user.email}, one of ${members.length} member${members.length === 1 ? '' : 's'}.`,
  });
};

export const config = { path: '/api/members' };
