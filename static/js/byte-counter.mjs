// A TransformStream transformer that counts the bytes passing through (app.browser.blob_fetch):
// Python reads `counter.loaded` a few times a second instead of being called per chunk.
export function byteCounter() {
  return {
    loaded: 0,
    transform(chunk, controller) {
      this.loaded += chunk.byteLength;
      controller.enqueue(chunk);
    },
  };
}
