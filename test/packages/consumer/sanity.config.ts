// The Studio `sanity build` bundles in the consumer project: only Spotter's plugin and its desk.
export {default} from './studio-config.ts'
