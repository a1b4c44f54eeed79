/**
 * The public data sets the benchmarks run on: where to get each, under what terms, and the committed
 * checksums a downloaded copy is verified against (`plantpilot data verify <dir>`). The data itself is
 * never committed; docs/benchmarks.md describes each set at length.
 */
import path from 'node:path';
import { PROJECT_ROOT } from '../../lib/project-root';

export type DataSetId = 'cmapss' | 'jsplib' | 'deeppcb' | 'vrptw';

export type DataSet = {
  id: DataSetId;
  title: string;
  /** A file every copy has, relative to the set's folder: how a folder is recognised. */
  marker: string;
  /** Where to download it. */
  sourceUrl: string;
  licence: string;
  /** file → sha256, in `sha256sum` format, relative to the set's folder. */
  manifestFile: string;
};

const manifest = (id: DataSetId) => path.join(PROJECT_ROOT, 'evals', 'data', 'manifests', `${id}.sha256`);

export const DATA_SETS: readonly DataSet[] = [
  {
    id: 'cmapss',
    title: 'NASA C-MAPSS turbofan run-to-failure (FD001–FD004)',
    marker: 'train_FD001.txt',
    sourceUrl:
      'https://github.com/oluies/tedsds (data/*.txt.gz at commit a5dabc4, decompressed); originally the NASA Prognostics Center of Excellence data set repository',
    licence: 'NASA data product, no licence stated; cite Saxena, Goebel, Simon, Eklund, PHM08 (2008)',
    manifestFile: manifest('cmapss'),
  },
  {
    id: 'jsplib',
    title: 'JSPLIB job-shop instances with makespan bounds',
    marker: 'instances.json',
    sourceUrl: 'https://github.com/tamy0612/JSPLIB (instances, commit eea2b60) and https://github.com/thomasWeise/jsspInstancesAndResults (bounds)',
    licence: 'instances: classical published benchmarks, no licence file; bounds table: GPL-3.0 (jsspInstancesAndResults)',
    manifestFile: manifest('jsplib'),
  },
  {
    id: 'deeppcb',
    title: 'DeepPCB template/test image pairs, trainval split',
    marker: 'PCBData/trainval.txt',
    sourceUrl: 'https://github.com/tangsanli5201/DeepPCB (PCBData/, the pairs listed in trainval.txt, commit 08e98c4)',
    licence: 'MIT licence file; the README adds "research purpose only"; cite Tang et al. (2019)',
    manifestFile: manifest('deeppcb'),
  },
  {
    id: 'vrptw',
    title: 'VRPTW: Solomon (100 customers) and Gehring & Homberger (200, 400) with best-known solutions',
    marker: 'bks.json',
    sourceUrl:
      'https://github.com/VROOM-Project/vroom-scripts (Solomon), https://github.com/rogalski-wmii-uni-lodz-pl/vrp-benchmarks (Gehring & Homberger, solutions); also https://www.sintef.no/projectweb/top/vrptw/',
    licence: 'no licence stated by the authors; vroom-scripts BSD-2-Clause, vrp-benchmarks Unlicense',
    manifestFile: manifest('vrptw'),
  },
];
