import type { ResourceProps } from 'react-admin';
import Insights from '@mui/icons-material/Insights';
import Leaderboard from '@mui/icons-material/Leaderboard';
import Groups from '@mui/icons-material/Groups';
import Refresh from '@mui/icons-material/Refresh';
import Share from '@mui/icons-material/Share';
import { BenchmarkCellList } from './BenchmarkCellList';
import { BenchmarkRunCreate, BenchmarkRunList } from './BenchmarkRunList';
import { PeerGroupCreate, PeerGroupList } from './PeerGroupList';
import { SharingSettingList } from './SharingSettingList';
import { StandingList } from './StandingList';
import { StandingShow } from './StandingShow';

/** Benchmarks under disclosure control: the resources are named as the API names them. */
export const benchmarkResources: ResourceProps[] = [
  { name: 'benchmark-cells', list: BenchmarkCellList, icon: Insights },
  { name: 'standings', list: StandingList, show: StandingShow, icon: Leaderboard },
  { name: 'peer-groups', list: PeerGroupList, create: PeerGroupCreate, icon: Groups },
  { name: 'benchmark-runs', list: BenchmarkRunList, create: BenchmarkRunCreate, icon: Refresh },
  // one page: a checkbox per customer and category, saved on click (no create or edit form)
  { name: 'sharing-settings', list: SharingSettingList, icon: Share },
];
