// The throttling plugin uses Bottleneck's light build (no clustering); it ships without its own types.
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck';
  export default Bottleneck;
}
