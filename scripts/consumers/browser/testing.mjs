// The testing kit is for Node: a browser bundle of it must fail on node:http.
import { startFakeServer } from 'callab-client/testing';

startFakeServer().then((fake) => console.log(fake.url));
