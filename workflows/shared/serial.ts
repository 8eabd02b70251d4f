// Jobs one at a time, in call order: update handlers that would otherwise interleave at their
// awaits (a pause and a resume; a meeting's steps, which the database records in order).

export function serial() {
  let tail: Promise<unknown> = Promise.resolve();
  return <R>(job: () => Promise<R>): Promise<R> => {
    const run = tail.then(job);
    tail = run.catch(() => undefined);
    return run;
  };
}
