import { ComingSoon } from '../../components/coming-soon';

export default function SchedulePage() {
  return <ComingSoon href="/schedule" />;
}
