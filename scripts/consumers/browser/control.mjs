// The defect the bundle checks look for, on purpose: a lazy import() of a missing optional peer.
import { load } from 'lazy-peer-control';

load().then((module) => console.log(module));
