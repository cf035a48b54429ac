// fhirclient asks for "isomorphic-webcrypto"; every browser the app supports has WebCrypto built in.
export default globalThis.crypto;
