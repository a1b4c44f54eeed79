import { ComingSoon } from '../../components/coming-soon';

export default function PlantPage() {
  return <ComingSoon href="/plant" />;
}
