// API throughput for `npm run bench`, in interleaved rounds: each round loads the static asset, then
// each endpoint in turn, and the rounds repeat, so a busy moment of the shared machine (or the order
// of the runs) falls on every endpoint alike. Each endpoint reports its median over the rounds and
// the spread (lowest to highest requests/s); its ratio to static is the median of the per-round
// ratios against the static run of the same round.
import autocannon from "autocannon";

function load(options) {
  return new Promise((resolve, reject) => {
    autocannon(options, (err, result) => {
      if (err) return reject(err);
      resolve({
        requestsPerSecond: Math.round(result.requests.average),
        p50Ms: result.latency.p50,
        p99Ms: result.latency.p99,
        requests: result.requests.total,
        failures: result.non2xx + result.errors + result.timeouts,
      });
    });
  });
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

// The most the estimate page can be asked to draw: 104 visits of 240 minutes, with both deductible
// questions unknown (four cases), dates across two plan-year starts, and visit, dollar and
// out-of-pocket limits that each split the visits into differently priced runs.
const worstCaseQuery =
  "minutes=240&visits=104&allowedPerUnit=25&deductibleRemaining=unknown&deductibleAnnual=1000&deductibleApplies=unknown&coinsurancePercent=20&oopRemaining=1500&coveredVisits=60&startDate=2026-11-02&benefitLimitRemaining=3000";

/** The endpoints, static first; `prescriptionJson(i)` makes the i-th unique valid body. */
function endpoints(base, prescriptionJson) {
  const estimateQuery =
    "minutes=60&visits=12&allowedPerUnit=25.00&deductibleRemaining=200&copay=20&coinsurancePercent=20&oopRemaining=1500&coveredVisits=10";
  let n = 0;
  return [
    { name: "static asset /favicon.svg", options: { url: `${base}/favicon.svg` } },
    { name: "GET /api/estimate", options: { url: `${base}/api/estimate?${estimateQuery}` } },
    { name: "GET /estimate (typical)", options: { url: `${base}/estimate?${estimateQuery}` } },
    { name: "GET /estimate (worst case)", options: { url: `${base}/estimate?${worstCaseQuery}` } },
    {
      name: "POST /api/icd10/search neck",
      options: {
        url: `${base}/api/icd10/search`,
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ q: "neck" }),
      },
    },
    {
      name: "POST /api/prescriptions",
      options: {
        url: `${base}/api/prescriptions`,
        method: "POST",
        requests: [
          {
            method: "POST",
            path: "/api/prescriptions",
            headers: { "content-type": "application/json" },
            setupRequest(request) {
              n += 1;
              request.headers = {
                ...request.headers,
                "idempotency-key": crypto.randomUUID(),
                "cf-connecting-ip": `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
              };
              request.body = prescriptionJson(n);
              return request;
            },
          },
        ],
      },
    },
  ];
}

/** Interleaved load rounds; one row per endpoint with medians and the spread. */
export async function measureApi({ base, seconds, connections, rounds, prescriptionJson, log }) {
  const list = endpoints(base, prescriptionJson);
  const runs = new Map(list.map((e) => [e.name, []]));
  for (let round = 1; round <= rounds; round++) {
    log(`  round ${round} of ${rounds}`);
    for (const endpoint of list) {
      runs.get(endpoint.name).push(await load({ duration: seconds, connections, ...endpoint.options }));
    }
  }
  const staticRuns = runs.get(list[0].name);
  return list.map(({ name }) => {
    const r = runs.get(name);
    const rps = r.map((x) => x.requestsPerSecond);
    return {
      name,
      requestsPerSecond: median(rps),
      minRequestsPerSecond: Math.min(...rps),
      maxRequestsPerSecond: Math.max(...rps),
      p50Ms: median(r.map((x) => x.p50Ms)),
      p99Ms: median(r.map((x) => x.p99Ms)),
      requests: r.reduce((sum, x) => sum + x.requests, 0),
      failures: r.reduce((sum, x) => sum + x.failures, 0),
      ratioToStatic: Number(
        median(r.map((x, i) => x.requestsPerSecond / (staticRuns[i].requestsPerSecond || 1))).toFixed(2),
      ),
    };
  });
}
