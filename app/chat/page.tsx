import { ComingSoon } from '../../components/coming-soon';

export default function ChatPage() {
  return <ComingSoon href="/chat" />;
}
