import { ComingSoon } from '../../components/coming-soon';

export default function MaintenancePage() {
  return <ComingSoon href="/maintenance" />;
}
