// Command deploy-check validates the deployment files offline (no cluster, no network): every Kubernetes
// manifest decodes strictly against the API types it names (an unknown or misspelt field fails), and the
// service's own rules hold: non-root, read-only root filesystem, no privilege escalation, resources, the
// liveness/readiness/startup probes on the right grpc.health.v1 services, no owner credentials in the
// service's pods, a migration Job, a PodDisruptionBudget and a HorizontalPodAutoscaler; the compose file
// starts its services by health.
//
//	deploy-check k8s deploy/k8s
//	deploy-check compose deploy/compose.yaml
package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	appsv1 "k8s.io/api/apps/v1"
	autoscalingv2 "k8s.io/api/autoscaling/v2"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	policyv1 "k8s.io/api/policy/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/serializer"
	"sigs.k8s.io/yaml"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: deploy-check k8s DIR | deploy-check compose FILE")
		os.Exit(2)
	}
	var problems []string
	var err error
	switch os.Args[1] {
	case "k8s":
		problems, err = checkManifests(os.Args[2])
	case "compose":
		problems, err = checkCompose(os.Args[2])
	default:
		err = fmt.Errorf("unknown check %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "deploy-check:", err)
		os.Exit(2)
	}
	for _, p := range problems {
		fmt.Println(p)
	}
	if len(problems) > 0 {
		os.Exit(1)
	}
	fmt.Printf("deploy-check %s: %s is valid\n", os.Args[1], os.Args[2])
}

func documents(path string) ([][]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var docs [][]byte
	for _, doc := range bytes.Split(data, []byte("\n---")) {
		if len(bytes.TrimSpace(stripComments(doc))) > 0 {
			docs = append(docs, doc)
		}
	}
	return docs, nil
}

func stripComments(doc []byte) []byte {
	var kept [][]byte
	for _, line := range bytes.Split(doc, []byte("\n")) {
		if !bytes.HasPrefix(bytes.TrimSpace(line), []byte("#")) {
			kept = append(kept, line)
		}
	}
	return bytes.Join(kept, []byte("\n"))
}

func checkManifests(dir string) ([]string, error) {
	scheme := runtime.NewScheme()
	for _, add := range []func(*runtime.Scheme) error{
		corev1.AddToScheme, appsv1.AddToScheme, batchv1.AddToScheme, policyv1.AddToScheme, autoscalingv2.AddToScheme,
	} {
		if err := add(scheme); err != nil {
			return nil, err
		}
	}
	decode := serializer.NewCodecFactory(scheme, serializer.EnableStrict).UniversalDeserializer().Decode
	files, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("no manifests in %s", dir)
	}
	sort.Strings(files)
	var problems []string
	kinds := map[string]int{}
	for _, file := range files {
		docs, err := documents(file)
		if err != nil {
			return nil, err
		}
		for i, doc := range docs {
			where := fmt.Sprintf("%s#%d", filepath.Base(file), i+1)
			asJSON, err := yaml.YAMLToJSON(doc)
			if err != nil {
				problems = append(problems, fmt.Sprintf("%s: not YAML: %v", where, err))
				continue
			}
			object, kind, err := decode(asJSON, nil, nil)
			if err != nil {
				problems = append(problems, fmt.Sprintf("%s: %v", where, err))
				continue
			}
			kinds[kind.Kind]++
			problems = append(problems, rules(where, object)...)
		}
	}
	for _, kind := range []string{"Deployment", "Service", "Job", "PodDisruptionBudget", "HorizontalPodAutoscaler", "ConfigMap", "Secret"} {
		if kinds[kind] == 0 {
			problems = append(problems, fmt.Sprintf("%s: no %s", dir, kind))
		}
	}
	return problems, nil
}

func rules(where string, object runtime.Object) []string {
	switch o := object.(type) {
	case *appsv1.Deployment:
		problems := podRules(where, o.Spec.Template.Spec)
		if o.Spec.Template.Annotations["prometheus.io/scrape"] != "true" {
			problems = append(problems, where+": the pod template must be scraped (prometheus.io/scrape: \"true\")")
		}
		for _, c := range o.Spec.Template.Spec.Containers {
			problems = append(problems, probeRules(where+" "+c.Name, c)...)
			problems = append(problems, ownerCredentialRules(where+" "+c.Name, c)...)
		}
		return problems
	case *batchv1.Job:
		return podRules(where, o.Spec.Template.Spec)
	}
	return nil
}

func podRules(where string, pod corev1.PodSpec) []string {
	var problems []string
	if pod.SecurityContext == nil || pod.SecurityContext.RunAsNonRoot == nil || !*pod.SecurityContext.RunAsNonRoot {
		problems = append(problems, where+": the pod must set securityContext.runAsNonRoot: true")
	}
	for _, c := range pod.Containers {
		at := where + " " + c.Name
		sc := c.SecurityContext
		if sc == nil || sc.AllowPrivilegeEscalation == nil || *sc.AllowPrivilegeEscalation {
			problems = append(problems, at+": allowPrivilegeEscalation must be false")
		}
		if sc == nil || sc.ReadOnlyRootFilesystem == nil || !*sc.ReadOnlyRootFilesystem {
			problems = append(problems, at+": readOnlyRootFilesystem must be true")
		}
		if c.Resources.Requests.Cpu().IsZero() || c.Resources.Requests.Memory().IsZero() || c.Resources.Limits.Memory().IsZero() {
			problems = append(problems, at+": needs cpu and memory requests and a memory limit")
		}
	}
	return problems
}

// The service's pods connect as a role that owns nothing, so that PostgreSQL's row-level security holds them:
// the tables' owner (the migration Job's credentials) must not reach them.
func ownerCredentialRules(where string, c corev1.Container) []string {
	var problems []string
	for _, source := range c.EnvFrom {
		if source.SecretRef != nil && strings.Contains(source.SecretRef.Name, "migration") {
			problems = append(problems, fmt.Sprintf("%s: the service must not read the owner's secret %s (migration Job only)", where, source.SecretRef.Name))
		}
	}
	for _, variable := range c.Env {
		if variable.Name == "MIGRATION_DATABASE_URL" || strings.HasPrefix(variable.Name, "POSTGRES_MIGRATION_") {
			problems = append(problems, fmt.Sprintf("%s: the service must not get %s (migration Job only)", where, variable.Name))
		}
	}
	return problems
}

// Liveness must not depend on the database (service ""), readiness and startup must (a crm.v2 service).
func probeRules(where string, c corev1.Container) []string {
	var problems []string
	service := func(p *corev1.Probe) (string, error) {
		if p == nil || p.GRPC == nil {
			return "", errors.New("missing or not a grpc probe")
		}
		if p.GRPC.Service == nil {
			return "", nil
		}
		return *p.GRPC.Service, nil
	}
	if s, err := service(c.LivenessProbe); err != nil || s != "" {
		problems = append(problems, fmt.Sprintf("%s: livenessProbe must be grpc on service \"\" (got %q, %v)", where, s, err))
	}
	for name, probe := range map[string]*corev1.Probe{"readinessProbe": c.ReadinessProbe, "startupProbe": c.StartupProbe} {
		if s, err := service(probe); err != nil || !strings.HasPrefix(s, "crm.v2.") {
			problems = append(problems, fmt.Sprintf("%s: %s must be grpc on a crm.v2 service (got %q, %v)", where, name, s, err))
		}
	}
	return problems
}

type composeFile struct {
	Services map[string]struct {
		Image       string                       `json:"image"`
		Build       any                          `json:"build"`
		Command     []string                     `json:"command"`
		Healthcheck map[string]any               `json:"healthcheck"`
		DependsOn   map[string]map[string]string `json:"depends_on"`
	} `json:"services"`
}

func checkCompose(path string) ([]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var compose composeFile
	if err := yaml.Unmarshal(data, &compose); err != nil {
		return []string{fmt.Sprintf("%s: %v", path, err)}, nil
	}
	var problems []string
	oneShot := map[string]bool{}
	for name, s := range compose.Services {
		oneShot[name] = len(s.Command) > 0 && s.Command[0] == "migrate"
	}
	for name, s := range compose.Services {
		// The crm image has its own HEALTHCHECK; the others need one for depends_on to wait on.
		if s.Build == nil && s.Healthcheck == nil {
			problems = append(problems, fmt.Sprintf("%s: service %s has no healthcheck", path, name))
		}
		for dependency, options := range s.DependsOn {
			want := "service_healthy"
			if oneShot[dependency] {
				want = "service_completed_successfully"
			}
			if options["condition"] != want {
				problems = append(problems, fmt.Sprintf("%s: %s must wait for %s with condition %s", path, name, dependency, want))
			}
		}
	}
	return problems, nil
}
