import { ChatApp } from '../../components/chat/chat-app';
import { requirePageSession } from '../../lib/auth/page-session';

export const dynamic = 'force-dynamic';

export default async function ChatPage() {
  const session = await requirePageSession();
  return <ChatApp viewer={{ id: session.user.id, role: session.user.role, csrfToken: session.csrfToken }} />;
}
