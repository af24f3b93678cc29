/**
 * Many unit tests start processes (tsc, npm pack, bundlers, Prism under jest's own require), whose
 * duration depends on how busy the machine is. jest's 5 s default turned a busy machine into
 * failures that said nothing about the code; a hang still fails, after this.
 */
jest.setTimeout(120_000);
