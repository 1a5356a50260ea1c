/** Erlang C from its textbook closed form: independent truth for the recursion the code uses. */
function factorial(n: number): number {
  return n <= 1 ? 1 : n * factorial(n - 1);
}

export function erlangCClosedForm(c: number, a: number): number {
  let sum = 0;
  for (let k = 0; k < c; k++) sum += a ** k / factorial(k);
  const top = (a ** c / factorial(c)) * (c / (c - a));
  return top / (sum + top);
}
