// End-to-end check of the generated client against a running service, starting from the first administrator.
//   BASE_URL=http://localhost:8080 LMS_ADMIN_EMAIL=... LMS_ADMIN_PASSWORD=... node dist/e2e.js
// Exits 0 when every step behaved as the API description says, 1 with the failed step otherwise. Names carry a
// run id, so that it can run again against the same database.
import { createLmsClient, link, type Problem } from "./client.js";

function env(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === "") {
    throw new Error(`${name} is not set`);
  }
  return value;
}

function check(condition: boolean, message: string): asserts condition {
  if (!condition) {
    throw new Error(message);
  }
}

/** The body of a call that must succeed, or a failure that shows what the service said instead. */
function expectData<T>(step: string, result: { data?: T; error?: unknown; response: Response }): T {
  check(
    result.data !== undefined,
    `${step}: expected a success, got ${result.response.status} ${JSON.stringify(result.error)}`,
  );
  return result.data;
}

async function main(): Promise<void> {
  const baseUrl = env("BASE_URL");
  const run = Date.now().toString(36);
  let accessToken: string | undefined;
  const api = createLmsClient(baseUrl, () => accessToken);

  const token = expectData(
    "get a token as the first administrator",
    await api.POST("/api/v1/auth/token", {
      body: { email: env("LMS_ADMIN_EMAIL"), password: env("LMS_ADMIN_PASSWORD") },
    }),
  );
  accessToken = token.accessToken;
  console.log(`token: ${token.tokenType}, expires in ${token.expiresIn} s`);

  const instructor = expectData(
    "create an instructor",
    await api.POST("/api/v1/users", {
      body: { email: `grace-${run}@example.org`, name: "Grace Hopper", role: "INSTRUCTOR", password: "a long password" },
    }),
  );
  const student = expectData(
    "create a student",
    await api.POST("/api/v1/users", {
      body: { email: `alan-${run}@example.org`, name: "Alan Turing", role: "STUDENT", password: "another password" },
    }),
  );
  check(instructor.role === "INSTRUCTOR" && student.role === "STUDENT", "the users do not have the roles asked for");
  console.log(`users: instructor ${instructor.id}, student ${student.id}`);

  const course = expectData(
    "create a course",
    await api.POST("/api/v1/courses", {
      body: { code: `CS-${run}`, title: "Introduction to programming", instructorId: instructor.id },
    }),
  );
  check(course.instructorId === instructor.id, "the course is not taught by the instructor named");
  check(course.description === null, "a course created without a description should say null");
  console.log(`course: ${course.code} ${course.id}`);

  const enrollment = expectData(
    "enroll the student",
    await api.POST("/api/v1/enrollments", { body: { userId: student.id, courseId: course.id } }),
  );
  check(enrollment.userId === student.id && enrollment.courseId === course.id, "the enrollment names someone else");
  console.log(`enrollment: ${enrollment.id}`);

  // Pages of one user each, following rel="next" until there is none.
  const seen: string[] = [];
  let page: number | undefined = 1;
  let total: number | undefined;
  while (page !== undefined) {
    const result = await api.GET("/api/v1/users", { params: { query: { page, size: 1 } } });
    const users = expectData(`list users, page ${page}`, result);
    seen.push(...users.map((user) => user.id));
    total = Number(result.response.headers.get("X-Total-Count"));
    const next = link(result.response, "next");
    check(next === undefined || next.searchParams.get("size") === "1", `the next link changed the page size: ${next}`);
    page = next === undefined ? undefined : Number(next.searchParams.get("page"));
  }
  check(seen.length === total, `followed the links to ${seen.length} users, but X-Total-Count says ${total}`);
  check(new Set(seen).size === seen.length, "a user appeared on two pages");
  check(seen.includes(instructor.id) && seen.includes(student.id), "the new users are missing from the list");
  console.log(`paging: ${seen.length} users, one per page`);

  // An update with the current ETag succeeds; one with the ETag it replaced is refused with 412.
  const read = await api.GET("/api/v1/courses/{id}", { params: { path: { id: course.id } } });
  expectData("read the course", read);
  const etag = read.response.headers.get("ETag");
  check(etag !== null, "the course came without an ETag");
  const replacement = { code: course.code, title: "Programming, from scratch", instructorId: instructor.id };
  const updated = expectData(
    "replace the course with its current ETag",
    await api.PUT("/api/v1/courses/{id}", {
      params: { path: { id: course.id }, header: { "If-Match": etag } },
      body: replacement,
    }),
  );
  check(updated.version > course.version, "the replacement did not make a new version");

  const stale = await api.PUT("/api/v1/courses/{id}", {
    params: { path: { id: course.id }, header: { "If-Match": etag } },
    body: { ...replacement, title: "A lost update" },
  });
  check(stale.response.status === 412, `a stale If-Match gave ${stale.response.status}, not 412`);
  check(
    stale.response.headers.get("Content-Type")?.startsWith("application/problem+json") === true,
    `the 412 came as ${stale.response.headers.get("Content-Type")}, not application/problem+json`,
  );
  const problem: Problem | undefined = stale.error;
  check(problem !== undefined, "the 412 came without a problem document");
  check(problem.status === 412, `the problem's status is ${problem.status}`);
  check(problem.type === "about:blank", `the problem's type is ${problem.type}`);
  check(problem.title === "Precondition Failed", `the problem's title is ${problem.title}`);
  check(typeof problem.detail === "string" && problem.detail.length > 0, "the problem has no detail");
  console.log(`412: ${problem.title}: ${problem.detail}`);

  const after = expectData(
    "read the course again",
    await api.GET("/api/v1/courses/{id}", { params: { path: { id: course.id } } }),
  );
  check(after.title === replacement.title, "the refused update changed the course");
  console.log("end-to-end check passed");
}

main().catch((failure: unknown) => {
  console.error(`end-to-end check failed: ${failure instanceof Error ? failure.message : String(failure)}`);
  process.exit(1);
});
