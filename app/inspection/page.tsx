import { ComingSoon } from '../../components/coming-soon';

export default function InspectionPage() {
  return <ComingSoon href="/inspection" />;
}
