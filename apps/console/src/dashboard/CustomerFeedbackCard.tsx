import Typography from '@mui/material/Typography';
import { HomeCard } from './HomeCard';

const TEXT: Record<string, string> = {
  customer_buyer: 'How your suppliers rate your firm as a customer, anonymously, next to all customers.',
  firm_admin: 'Rate your customers each period, anonymously, and see how suppliers rate them.',
  firm_contributor: 'Rate your customers each period, anonymously, and see how suppliers rate them.',
};

/** Suppliers' voice on the home page: where to read it (and, for a supplier, to answer). */
export function CustomerFeedbackCard({ role }: { role: string }) {
  return (
    <HomeCard title="What suppliers say about customers" testId="home-customer-feedback" to="/customer-feedback/summary" linkText="Open what suppliers say">
      <Typography variant="body2" color="text.secondary">
        {TEXT[role] ?? 'Anonymous 1–5 ratings of customers by their suppliers, shown only where enough suppliers answered.'}
      </Typography>
    </HomeCard>
  );
}
