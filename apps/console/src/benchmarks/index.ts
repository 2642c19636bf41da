import type { ResourceProps } from 'react-admin';
import Insights from '@mui/icons-material/Insights';
import Leaderboard from '@mui/icons-material/Leaderboard';
import Groups from '@mui/icons-material/Groups';
import Refresh from '@mui/icons-material/Refresh';
import Share from '@mui/icons-material/Share';
import { lazyView } from '../common/lazyView';

/**
 * Benchmarks under disclosure control: the resources are named as the API names them. Each
 * page is loaded when first visited, like every other resource's: imported here statically,
 * the lists, the standing page and its charts went into the login page's JavaScript.
 */
export const benchmarkResources: ResourceProps[] = [
  { name: 'benchmark-cells', list: lazyView(() => import('./BenchmarkCellList').then((m) => m.BenchmarkCellList)), icon: Insights },
  {
    name: 'standings',
    list: lazyView(() => import('./StandingList').then((m) => m.StandingList)),
    show: lazyView(() => import('./StandingShow').then((m) => m.StandingShow)),
    icon: Leaderboard,
  },
  {
    name: 'peer-groups',
    list: lazyView(() => import('./PeerGroupList').then((m) => m.PeerGroupList)),
    create: lazyView(() => import('./PeerGroupList').then((m) => m.PeerGroupCreate)),
    icon: Groups,
  },
  {
    name: 'benchmark-runs',
    list: lazyView(() => import('./BenchmarkRunList').then((m) => m.BenchmarkRunList)),
    create: lazyView(() => import('./BenchmarkRunList').then((m) => m.BenchmarkRunCreate)),
    icon: Refresh,
  },
  // one page: a checkbox per customer and category, saved on click (no create or edit form)
  { name: 'sharing-settings', list: lazyView(() => import('./SharingSettingList').then((m) => m.SharingSettingList)), icon: Share },
];
