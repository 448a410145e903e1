package io.mergegate.checkers.secrets;

import java.util.List;
import java.util.Locale;

/**
 * The files of the {@link LabelledCorpus}: a monorepo of services in four stacks (Spring, Django/Python,
 * Node/TypeScript, Go), each with its configs, code, tests, manifests, CI and docs, plus shared infrastructure
 * (Terraform, Ansible, SOPS, keys, .NET configs). Every value slot is randomly a planted secret or a hard
 * negative of the same shape.
 */
final class CorpusTemplates {

    /** A token of a SaaS service as it is named in configs. */
    private record Service(String kind, String env, String label) {
    }

    private static final List<Service> SERVICES = List.of(
            new Service("twilio", "TWILIO_API_KEY", "twilio"),
            new Service("sendgrid", "SENDGRID_API_KEY", "sendgrid"),
            new Service("mailgun", "MAILGUN_API_KEY", "mailgun"),
            new Service("mailchimp", "MAILCHIMP_API_KEY", "mailchimp"),
            new Service("openai", "OPENAI_API_KEY", "openai"),
            new Service("openai-legacy", "OPENAI_KEY", "openai"),
            new Service("anthropic", "ANTHROPIC_API_KEY", "anthropic"),
            new Service("huggingface", "HF_TOKEN", "huggingface"),
            new Service("vault", "VAULT_TOKEN", "vault"),
            new Service("terraform-cloud", "TFE_TOKEN", "terraform-cloud"),
            new Service("digitalocean", "DIGITALOCEAN_TOKEN", "digitalocean"),
            new Service("shopify", "SHOPIFY_ACCESS_TOKEN", "shopify"),
            new Service("databricks", "DATABRICKS_TOKEN", "databricks"),
            new Service("hex32", "DD_API_KEY", "datadog"),
            new Service("hex40", "DATADOG_APP_KEY", "datadog"),
            new Service("heroku", "HEROKU_API_KEY", "heroku"),
            new Service("uuid", "HEROKU_API_KEY", "heroku-legacy-uuid"),
            new Service("atlassian", "JIRA_API_TOKEN", "atlassian"),
            new Service("grafana", "GRAFANA_SERVICE_ACCOUNT_TOKEN", "grafana"),
            new Service("newrelic", "NEW_RELIC_API_KEY", "new-relic"),
            new Service("sentry", "SENTRY_AUTH_TOKEN", "sentry"),
            new Service("postman", "POSTMAN_API_KEY", "postman"),
            new Service("doppler", "DOPPLER_TOKEN", "doppler"),
            new Service("linear", "LINEAR_API_KEY", "linear"),
            new Service("square", "SQUARE_ACCESS_TOKEN", "square"),
            new Service("telegram", "TELEGRAM_BOT_TOKEN", "telegram"),
            new Service("slack-bot", "SLACK_BOT_TOKEN", "slack"),
            new Service("slack-user", "SLACK_USER_TOKEN", "slack"),
            new Service("slack-app", "SLACK_APP_TOKEN", "slack"),
            new Service("stripe-live", "STRIPE_SECRET_KEY", "stripe"),
            new Service("stripe-restricted", "STRIPE_RESTRICTED_KEY", "stripe"),
            new Service("google-api-key", "GOOGLE_MAPS_API_KEY", "google-api-key"),
            new Service("github-classic", "GITHUB_TOKEN", "github"),
            new Service("github-fine-grained", "GH_PAT", "github"),
            new Service("gitlab-pat", "GITLAB_TOKEN", "gitlab"),
            new Service("gitlab-deploy", "GITLAB_DEPLOY_TOKEN", "gitlab"),
            new Service("npm", "NPM_TOKEN", "npm"),
            new Service("pypi", "PYPI_API_TOKEN", "pypi"),
            new Service("azure-client-secret", "AZURE_CLIENT_SECRET", "azure-ad"),
            new Service("age-key", "SOPS_AGE_KEY", "age"),
            new Service("onepassword", "OP_SERVICE_ACCOUNT_TOKEN", "onepassword"),
            new Service("artifactory", "ARTIFACTORY_API_KEY", "artifactory"),
            new Service("alibaba", "ALIBABA_CLOUD_ACCESS_KEY_ID", "alibaba"),
            new Service("dynatrace", "DT_API_TOKEN", "dynatrace"),
            new Service("pulumi", "PULUMI_ACCESS_TOKEN", "pulumi"),
            new Service("rubygems", "GEM_HOST_API_KEY", "rubygems"),
            new Service("notion", "NOTION_TOKEN", "notion"),
            new Service("perplexity", "PPLX_API_KEY", "perplexity"),
            new Service("jwt", "SERVICE_ACCOUNT_JWT", "jwt"));

    private static final List<String> NAMES = List.of("payments", "orders", "billing", "ledger", "notifications",
            "identity", "search", "catalog", "shipping", "reporting", "gateway", "inventory", "pricing", "accounts",
            "loyalty", "fraud");

    private final LabelledCorpus c;

    CorpusTemplates(LabelledCorpus corpus) {
        this.c = corpus;
    }

    void writeAll() {
        for (int i = 0; i < NAMES.size(); i++) {
            String name = NAMES.get(i);
            String root = "services/" + name + "/";
            switch (i % 4) {
                case 0 -> spring(root, name);
                case 1 -> python(root, name);
                case 2 -> node(root, name);
                default -> go(root, name);
            }
            deployment(root, name);
            ci(root, name, i);
            docs(root, name);
            integrations(root, name, i % 4);
        }
        terraform();
        ansible();
        sops();
        keys();
        dotnet();
        misc();
    }

    // --- value helpers ---

    private String v(String kind) {
        return c.value(kind);
    }

    private static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String env(String s) {
        return s.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** A password of one of the shapes people use. */
    private String password() {
        return c.pick("symbol-password", "symbol-password", "human-password", "password");
    }

    private String placeholder() {
        return c.pick("changeme", "<your-password>", "REPLACE_ME", "xxxxxxxxxxxxxxxx", "your_password_here", "********",
                "<secret>", "TODO", "password", "secret", "CHANGE_ME_IN_PROD", "dummy");
    }

    private String tokenPlaceholder() {
        return c.pick("<your-token>", "your_api_key_here", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "<API_KEY>", "REPLACE_WITH_TOKEN",
                "...", "changeme", "INSERT_KEY_HERE");
    }

    /** XML text or attribute content: a password with {@code &}, {@code <} or {@code "} is written escaped. */
    private static String xml(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private String yamlQuoted(String value) {
        return "'" + value + "'";
    }

    private String hostOf(String name) {
        return name + "-db." + c.pick("internal", "prod.svc.cluster.local", "eu-west-1.rds.amazonaws.com");
    }

    // --- Spring ---

    private void spring(String root, String name) {
        String pkg = "com/acme/" + name;
        LabelledCorpus.Doc yml = c.doc(root + "src/main/resources/application.yml");
        yml.add("server:\n  port: 8080\n  shutdown: graceful\nspring:\n  application:\n    name: " + name
                + "\n  datasource:\n    url: jdbc:postgresql://" + hostOf(name) + ":5432/" + name + "\n    username: " + name
                + "_app\n    hikari:\n      maximum-pool-size: 20");
        switch (c.nextInt(4)) {
            case 0 -> yml.secret("spring-datasource-password", "    password: " + yamlQuoted(v("symbol-password")));
            case 1 -> yml.secret("spring-datasource-password", "    password: " + v("human-password"));
            case 2 -> yml.negative("reference", "    password: ${DB_PASSWORD}");
            default -> yml.negative("encrypted", "    password: '{cipher}" + v("base64-64") + "'");
        }
        yml.add("  jpa:\n    open-in-view: false\n  mail:\n    host: smtp.sendgrid.net\n    port: 587\n    username: apikey");
        yml.either(0.6, "sendgrid", "    password: " + v("sendgrid"), "reference", "    password: ${SENDGRID_API_KEY:}");
        yml.add("  security:\n    oauth2:\n      client:\n        registration:\n          keycloak:\n            client-id: "
                + name + "-service\n            authorization-grant-type: client_credentials");
        yml.either(0.5, "generic-client-secret", "            client-secret: " + v("opaque-token"),
                "reference", "            client-secret: ${KEYCLOAK_CLIENT_SECRET}");
        yml.add("app:\n  jwt:");
        yml.either(0.5, "generic-jwt-signing-secret", "    secret: " + v("base64-32"), "placeholder",
                "    secret: " + placeholder());
        yml.add("    expiration: 3600\n    issuer: https://id.acme.example/" + name + "\n  token-ttl: 30m\n  password-policy:\n"
                + "    min-length: 12\n    require-symbols: true");
        if (c.chance(0.5)) {
            yml.add("  stripe:");
            yml.secret("stripe", "    api-key: " + v(c.pick("stripe-live", "stripe-restricted")));
        }
        yml.add("management:\n  endpoints:\n    web:\n      exposure:\n        include: health,info,prometheus\nlogging:\n"
                + "  level:\n    root: INFO\n    com.acme: DEBUG");
        yml.done();

        LabelledCorpus.Doc props = c.doc(root + "src/main/resources/application-prod.properties");
        props.add("spring.datasource.url=jdbc:mysql://" + hostOf(name) + ":3306/" + name + "?useSSL=true&serverTimezone=UTC");
        props.add("spring.datasource.username=" + name);
        props.either(0.6, "password-with-symbols", "spring.datasource.password=" + v("symbol-password"), "encrypted",
                "spring.datasource.password=ENC(" + v("base64-32") + ")");
        props.either(0.6, "database-url", "spring.rabbitmq.addresses=amqp://" + name + ":" + v("url-password")
                + "@rabbit.internal:5672/" + name, "reference", "spring.rabbitmq.addresses=${RABBIT_URL}");
        props.either(0.5, "password-with-symbols", "spring.data.redis.password=" + v("symbol-password"), "placeholder",
                "spring.data.redis.password=" + placeholder());
        props.add("spring.kafka.bootstrap-servers=kafka-0.internal:9092,kafka-1.internal:9092");
        props.negative("reference", "spring.kafka.properties.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username=\"${KAFKA_USER}\" password=\"${KAFKA_PASSWORD}\";");
        if (c.chance(0.5)) {
            props.secret("github", "github.api.token=" + v(c.pick("github-classic", "github-fine-grained")));
        }
        props.add("logging.level.org.springframework=INFO\nserver.tomcat.max-threads=200\napp.token.header=X-Auth-Token");
        props.done();

        LabelledCorpus.Doc client = c.doc(root + "src/main/java/" + pkg + "/client/" + cap(name) + "Client.java");
        client.add("package com.acme." + name + ".client;\n\nimport java.net.URI;\nimport java.net.http.HttpClient;\n"
                + "import java.net.http.HttpRequest;\nimport java.util.Base64;\n\npublic final class " + cap(name) + "Client {\n");
        client.either(0.6, "generic-api-key", "    private static final String API_KEY = \"" + v("opaque-token") + "\";",
                "reference", "    private static final String API_KEY = System.getenv(\"" + env(name) + "_API_KEY\");");
        client.add("    private static final String BASE_URL = \"https://api.partner.example/v2/\";\n"
                + "    private final HttpClient http = HttpClient.newHttpClient();\n    private final String token;\n\n"
                + "    public " + cap(name) + "Client(String token) {\n        this.token = token;\n    }\n\n"
                + "    HttpRequest get(String path) {\n        return HttpRequest.newBuilder(URI.create(BASE_URL + path))");
        client.negative("code", "                .header(\"Authorization\", \"Bearer \" + token)");
        client.add("                .build();\n    }\n\n    HttpRequest legacy(String path) {\n"
                + "        return HttpRequest.newBuilder(URI.create(BASE_URL + path))");
        client.either(0.6, "authorization-basic", "                .header(\"Authorization\", \"Basic "
                + c.base64(v("basic-credentials")) + "\")", "code",
                "                .header(\"Authorization\", \"Basic \" + Base64.getEncoder().encodeToString(credentials()))");
        client.add("                .build();\n    }\n\n    private static byte[] credentials() {");
        client.negative("reference", "        return (System.getenv(\"PARTNER_USER\") + \":\" + System.getenv(\"PARTNER_PASSWORD\")).getBytes();");
        client.add("    }\n}");
        client.done();

        LabelledCorpus.Doc ds = c.doc(root + "src/main/java/" + pkg + "/persistence/DataSourceConfig.java");
        ds.add("package com.acme." + name + ".persistence;\n\nimport java.sql.Connection;\nimport java.sql.DriverManager;\n"
                + "import javax.sql.DataSource;\nimport org.springframework.boot.jdbc.DataSourceBuilder;\n\n"
                + "class DataSourceConfig {\n\n    DataSource reporting() {\n        return DataSourceBuilder.create()\n"
                + "                .url(\"jdbc:postgresql://reporting-db:5432/reporting\")\n                .username(\"reporter\")");
        ds.either(0.7, "password-in-call", "                .password(\"" + v(password()) + "\")", "reference",
                "                .password(System.getenv(\"REPORTING_DB_PASSWORD\"))");
        ds.add("                .build();\n    }\n\n    Connection legacy() throws Exception {");
        ds.either(0.6, "password-in-call", "        return DriverManager.getConnection(\"jdbc:mysql://legacy-db:3306/" + name
                + "\", \"app\", \"" + v("symbol-password") + "\");", "reference",
                "        return DriverManager.getConnection(url, user, System.getenv(\"LEGACY_DB_PASSWORD\"));");
        ds.add("    }\n\n    Connection audit() throws Exception {");
        ds.either(0.6, "jdbc-password", "        return DriverManager.getConnection(\"jdbc:sqlserver://audit-db:1433;databaseName=audit;user=auditor;password="
                + v("env-password").replace(";", "") + ";encrypt=true\");", "placeholder",
                "        return DriverManager.getConnection(\"jdbc:sqlserver://localhost:1433;databaseName=audit;user=sa;password=<password>\");");
        ds.add("    }\n}");
        ds.done();

        springTest(root, name, pkg);

        LabelledCorpus.Doc pom = c.doc(root + "pom.xml");
        pom.add("<project>\n  <modelVersion>4.0.0</modelVersion>\n  <groupId>com.acme</groupId>\n  <artifactId>" + name
                + "</artifactId>\n  <version>1.4.0-SNAPSHOT</version>\n  <build>\n    <plugins>\n      <plugin>\n"
                + "        <groupId>org.flywaydb</groupId>\n        <artifactId>flyway-maven-plugin</artifactId>\n        <configuration>\n"
                + "          <url>jdbc:postgresql://localhost:5432/" + name + "</url>\n          <user>" + name + "</user>");
        pom.either(0.4, "maven-password", "          <password>" + xml(v(password())) + "</password>", "reference",
                "          <password>${env.FLYWAY_PASSWORD}</password>");
        pom.add("        </configuration>\n      </plugin>\n    </plugins>\n  </build>\n</project>");
        pom.done();

        LabelledCorpus.Doc settings = c.doc(root + ".mvn/settings.xml");
        settings.add("<settings>\n  <servers>\n    <server>\n      <id>nexus-releases</id>\n      <username>deployer</username>");
        switch (c.nextInt(3)) {
            case 0 -> settings.secret("maven-password", "      <password>" + xml(v("symbol-password")) + "</password>");
            case 1 -> settings.negative("encrypted", "      <password>{" + v("base64-32") + "}</password>");
            default -> settings.negative("reference", "      <password>${env.NEXUS_PASSWORD}</password>");
        }
        settings.add("    </server>\n    <server>\n      <id>github</id>\n      <username>ci-bot</username>");
        settings.either(0.5, "github", "      <password>" + v("github-classic") + "</password>", "reference",
                "      <password>${env.GITHUB_TOKEN}</password>");
        settings.add("    </server>\n  </servers>\n</settings>");
        settings.done();

        LabelledCorpus.Doc beans = c.doc(root + "src/main/resources/legacy-context.xml");
        beans.add("<beans xmlns=\"http://www.springframework.org/schema/beans\">\n"
                + "  <bean id=\"dataSource\" class=\"org.apache.commons.dbcp2.BasicDataSource\">\n"
                + "    <property name=\"driverClassName\" value=\"org.postgresql.Driver\"/>\n"
                + "    <property name=\"url\" value=\"jdbc:postgresql://legacy-db:5432/" + name + "\"/>\n"
                + "    <property name=\"username\" value=\"legacy\"/>");
        beans.either(0.6, "xml-property-password", "    <property name=\"password\" value=\"" + xml(v("human-password")) + "\"/>",
                "reference", "    <property name=\"password\" value=\"${legacy.db.password}\"/>");
        beans.add("  </bean>\n</beans>");
        beans.done();

        LabelledCorpus.Doc boot = c.doc(root + "src/main/resources/bootstrap.yml");
        boot.add("spring:\n  cloud:\n    config:\n      uri: https://config.internal\n      username: config-client");
        boot.either(0.3, "password-with-symbols", "      password: " + yamlQuoted(v("symbol-password")), "encrypted",
                "      password: '{cipher}" + v("hex64") + "'");
        boot.negative("encrypted", "encrypt:\n  key: '{cipher}" + v("base64-64") + "'");
        boot.done();
    }

    private void springTest(String root, String name, String pkg) {
        LabelledCorpus.Doc t = c.doc(root + "src/test/java/" + pkg + "/client/" + cap(name) + "ClientTest.java");
        t.add("package com.acme." + name + ".client;\n\nimport static org.assertj.core.api.Assertions.assertThat;\n\n"
                + "import org.junit.jupiter.api.Test;\n\nclass " + cap(name) + "ClientTest {\n");
        t.negative("test-key", "    private static final String STRIPE_KEY = \"" + v("stripe-test") + "\";");
        t.negative("test-key", "    private static final String API_KEY = \"test-api-key-" + c.nextInt(1000) + "\";");
        t.negative("documented-example", "    private static final String ACCESS_KEY = \"" + v("aws-key-id-example") + "\";");
        t.negative("documented-example", "    private static final String SECRET_KEY = \"" + v("aws-secret-example") + "\";");
        t.negative("documented-example", "    private static final String JWT = \"" + v("jwt-sample") + "\";");
        t.add("\n    @Test\n    void sends_the_bearer_token() {");
        t.negative("test-key", "        var client = new " + cap(name) + "Client(\"dummy-token\");");
        t.add("        assertThat(client.get(\"items\").headers().firstValue(\"Authorization\")).isPresent();\n    }\n\n"
                + "    @Test\n    void rejects_a_bad_checksum() {");
        t.negative("bad-checksum", "        String token = \"" + v("github-bad-checksum") + "\";");
        t.add("        assertThat(TokenFormat.valid(token)).isFalse();\n    }\n\n    @Test\n    void logs_in() {");
        t.negative("test-key", "        login(\"test-user\", \"test-password\");");
        t.negative("placeholder", "        String password = \"password\";");
        t.add("        assertThat(password).isNotEmpty();\n    }\n}");
        t.done();
    }

    // --- Python ---

    private void python(String root, String name) {
        String pkg = root + name.replace('-', '_') + "/";
        LabelledCorpus.Doc s = c.doc(pkg + "settings.py");
        s.add("import os\nfrom pathlib import Path\n\nBASE_DIR = Path(__file__).resolve().parent.parent\n");
        s.either(0.6, "django-secret-key", "SECRET_KEY = '" + v("django-key") + "'", "reference",
                "SECRET_KEY = os.environ['DJANGO_SECRET_KEY']");
        s.add("DEBUG = False\nALLOWED_HOSTS = ['" + name + ".acme.example']\n\nDATABASES = {\n    'default': {\n"
                + "        'ENGINE': 'django.db.backends.postgresql',\n        'NAME': '" + name + "',\n        'USER': '" + name + "',");
        s.either(0.6, "password-with-symbols", "        'PASSWORD': '" + v("symbol-password") + "',", "reference",
                "        'PASSWORD': os.environ.get('DB_PASSWORD', ''),");
        s.add("        'HOST': '" + hostOf(name) + "',\n        'PORT': '5432',\n    }\n}\n\nEMAIL_HOST = 'smtp.mailgun.org'\nEMAIL_HOST_USER = 'postmaster@mg.acme.example'");
        s.either(0.5, "password-with-symbols", "EMAIL_HOST_PASSWORD = \"" + v("human-password") + "\"", "reference",
                "EMAIL_HOST_PASSWORD = os.getenv(\"EMAIL_HOST_PASSWORD\")");
        s.add("\nAWS_STORAGE_BUCKET_NAME = '" + name + "-media'");
        if (c.chance(0.6)) {
            s.secret("aws-access-key-id", "AWS_ACCESS_KEY_ID = '" + v("aws-key-id") + "'");
            s.secret("aws-secret-key", "AWS_SECRET_ACCESS_KEY = '" + v("aws-secret") + "'");
        } else {
            s.negative("reference", "AWS_ACCESS_KEY_ID = os.environ['AWS_ACCESS_KEY_ID']");
            s.negative("reference", "AWS_SECRET_ACCESS_KEY = os.environ['AWS_SECRET_ACCESS_KEY']");
        }
        s.add("CELERY_BROKER_URL = os.environ.get('CELERY_BROKER_URL')");
        s.either(0.6, "database-url", "CACHES = {'default': {'BACKEND': 'django_redis.cache.RedisCache', 'LOCATION': 'redis://:"
                + v("url-password") + "@cache.internal:6379/1'}}", "placeholder",
                "CACHES = {'default': {'BACKEND': 'django_redis.cache.RedisCache', 'LOCATION': 'redis://:password@localhost:6379/1'}}");
        s.add("PASSWORD_HASHERS = ['django.contrib.auth.hashers.Argon2PasswordHasher']\nAUTH_PASSWORD_VALIDATORS = []");
        s.done();

        LabelledCorpus.Doc cl = c.doc(pkg + "clients.py");
        cl.add("import os\n\nimport boto3\nimport redis\nimport requests\nfrom openai import OpenAI\n\n\ndef s3():");
        if (c.chance(0.6)) {
            cl.add("    session = boto3.session.Session(");
            cl.secret("aws-access-key-id", "        '" + v("aws-key-id") + "',");
            cl.secret("aws-secret-key-without-keyword", "        '" + v("aws-secret") + "',");
            cl.add("        region_name='eu-west-1',\n    )");
        } else {
            cl.add("    session = boto3.session.Session(");
            cl.negative("reference", "        os.environ['AWS_ACCESS_KEY_ID'],");
            cl.negative("reference", "        os.environ['AWS_SECRET_ACCESS_KEY'],");
            cl.add("        region_name='eu-west-1',\n    )");
        }
        cl.add("    return session.client('s3')\n\n\ndef partner_report(day):");
        cl.either(0.6, "password-in-call", "    return requests.get(f'https://partner.example/reports/{day}', auth=('svc-reporting', '"
                + v("symbol-password") + "'))", "reference",
                "    return requests.get(f'https://partner.example/reports/{day}', auth=('svc-reporting', os.environ['PARTNER_PASSWORD']))");
        cl.add("\n\ndef cache():");
        cl.either(0.5, "password-with-symbols", "    return redis.Redis(host='cache.internal', port=6379, password=\""
                + v("symbol-password") + "\")", "reference", "    return redis.Redis(host='cache.internal', port=6379, password=os.environ['REDIS_PASSWORD'])");
        cl.add("\n\ndef llm():");
        cl.either(0.5, "openai", "    return OpenAI(api_key=\"" + v("openai") + "\")", "reference",
                "    return OpenAI(api_key=os.environ[\"OPENAI_API_KEY\"])");
        cl.add("\n\ndef headers(token):");
        cl.negative("reference", "    return {'Authorization': f'Bearer {token}', 'Accept': 'application/json'}");
        cl.add("\n\ndef legacy_headers():");
        cl.either(0.5, "authorization-bearer", "    return {'Authorization': 'Bearer " + v("opaque-token") + "'}", "placeholder",
                "    return {'Authorization': 'Bearer <token>'}");
        cl.done();

        LabelledCorpus.Doc t = c.doc(root + "tests/test_clients.py");
        t.add("import pytest\n\nfrom " + name.replace('-', '_') + " import clients\n\n");
        t.negative("test-key", "FAKE_KEY = 'fake-api-key-for-tests'");
        t.negative("test-key", "STRIPE_KEY = '" + v("stripe-test") + "'");
        t.negative("documented-example", "JWT = '" + v("jwt-sample") + "'");
        t.add("\n\n@pytest.fixture\ndef settings(monkeypatch):");
        t.negative("test-key", "    monkeypatch.setenv('DB_PASSWORD', 'test-password')");
        t.negative("documented-example", "    monkeypatch.setenv('AWS_ACCESS_KEY_ID', '" + v("aws-key-id-example") + "')");
        t.add("\n\ndef test_headers():\n    assert clients.headers('abc')['Authorization'] == 'Bearer abc'");
        t.done();

        LabelledCorpus.Doc req = c.doc(root + "requirements.txt");
        for (String dep : List.of("django==5.0.6", "boto3==1.34.120", "redis==5.0.4", "requests==2.32.3")) {
            req.add(dep + " \\");
            req.negative("hash", "    --hash=sha256:" + v("hex64"));
        }
        req.done();

        LabelledCorpus.Doc ini = c.doc(root + "alembic.ini");
        ini.add("[alembic]\nscript_location = migrations\nfile_template = %%(year)d_%%(month).2d_%%(slug)s");
        ini.either(0.6, "database-url", "sqlalchemy.url = postgresql+psycopg2://" + name + ":" + v("url-password") + "@" + hostOf(name)
                + "/" + name, "placeholder", "sqlalchemy.url = postgresql+psycopg2://user:pass@localhost/" + name);
        ini.add("\n[loggers]\nkeys = root,sqlalchemy,alembic");
        ini.done();
    }

    // --- Node / TypeScript ---

    private void node(String root, String name) {
        LabelledCorpus.Doc server = c.doc(root + "src/server.ts");
        server.add("import express from 'express';\nimport mongoose from 'mongoose';\nimport Stripe from 'stripe';\nimport axios from 'axios';\n");
        server.either(0.6, "stripe", "const stripe = new Stripe('" + v("stripe-live") + "', { apiVersion: '2024-06-20' });",
                "reference", "const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!, { apiVersion: '2024-06-20' });");
        server.either(0.6, "database-url", "mongoose.connect('mongodb+srv://" + name + ":" + v("url-password")
                + "@cluster0.ab1cd.mongodb.net/" + name + "?retryWrites=true&w=majority');", "reference",
                "mongoose.connect(process.env.MONGODB_URI as string);");
        server.negative("reference", "const apiKey = process.env.API_KEY;");
        server.add("const partner = axios.create({\n  baseURL: 'https://api.partner.example',");
        server.negative("reference", "  headers: { Authorization: `Bearer ${process.env.PARTNER_TOKEN}` },");
        server.add("});\n\nconst app = express();\napp.get('/health', (_req, res) => res.send('ok'));\n");
        server.either(0.5, "slack-webhook", "export const ALERTS_WEBHOOK = '" + v("slack-webhook") + "';", "reference",
                "export const ALERTS_WEBHOOK = process.env.SLACK_WEBHOOK_URL ?? '';");
        server.add("\nconst config = {\n  port: 3000,");
        server.either(0.6, "password-with-symbols", "  password: '" + v("symbol-password") + "',", "reference",
                "  password: process.env.DB_PASSWORD,");
        server.either(0.5, "generic-api-key", "  apiKey: \"" + v("opaque-token") + "\",", "placeholder",
                "  apiKey: \"" + tokenPlaceholder() + "\",");
        server.add("};\n\napp.listen(config.port);");
        server.done();

        LabelledCorpus.Doc json = c.doc(root + "config/production.json");
        json.add("{\n  \"server\": { \"port\": 8080 },\n  \"db\": {\n    \"host\": \"" + hostOf(name) + "\",\n    \"user\": \"" + name + "\",");
        json.either(0.6, "password-with-symbols", "    \"password\": \"" + v("symbol-password") + "\"", "reference",
                "    \"password\": \"${DB_PASSWORD}\"");
        json.add("  },\n  \"auth\": {\n    \"issuer\": \"https://id.acme.example\",");
        json.either(0.5, "generic-client-secret", "    \"clientSecret\": \"" + v("opaque-token") + "\",", "placeholder",
                "    \"clientSecret\": \"" + tokenPlaceholder() + "\",");
        json.negative("uuid", "    \"clientId\": \"" + v("uuid") + "\",");
        json.add("    \"tokenTtlSeconds\": 3600\n  },\n  \"mail\": {");
        json.either(0.5, "sendgrid", "    \"sendgridApiKey\": \"" + v("sendgrid") + "\"", "placeholder",
                "    \"sendgridApiKey\": \"SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"");
        json.add("  }\n}");
        json.done();

        LabelledCorpus.Doc dotenv = c.doc(root + ".env" + c.pick("", ".production", ".local"));
        dotenv.add("NODE_ENV=production\nPORT=3000\nLOG_LEVEL=info");
        dotenv.secret("database-url", "DATABASE_URL=postgres://" + name + ":" + v("url-password") + "@" + hostOf(name) + ":5432/" + name);
        dotenv.either(0.6, "database-url", "REDIS_URL=redis://default:" + v("env-password").replace("@", "").replace("/", "").replace(":", "")
                + "@cache.internal:6379/0", "reference", "REDIS_URL=${REDIS_URL}");
        dotenv.secret("generic-session-secret", "SESSION_SECRET=" + v("opaque-token"));
        dotenv.either(0.5, "password-with-symbols", "SMTP_PASSWORD=" + v("env-password"), "placeholder",
                "SMTP_PASSWORD=" + placeholder());
        dotenv.add("FEATURE_FLAGS=checkout-v2,fast-refunds\nPUBLIC_URL=https://" + name + ".acme.example");
        dotenv.done();

        LabelledCorpus.Doc example = c.doc(root + ".env.example");
        example.add("NODE_ENV=development\nPORT=3000");
        example.negative("placeholder", "DATABASE_URL=postgres://user:password@localhost:5432/" + name);
        example.negative("placeholder", "STRIPE_SECRET_KEY=sk_live_" + "x".repeat(24));
        example.negative("placeholder", "SENDGRID_API_KEY=your_sendgrid_api_key_here");
        example.negative("placeholder", "SESSION_SECRET=changeme");
        example.negative("placeholder", "SMTP_PASSWORD=<smtp-password>");
        example.done();

        LabelledCorpus.Doc lock = c.doc(root + "package-lock.json");
        lock.add("{\n  \"name\": \"" + name + "\",\n  \"lockfileVersion\": 3,\n  \"packages\": {");
        for (String dep : List.of("express", "mongoose", "stripe", "axios", "jsonwebtoken")) {
            lock.add("    \"node_modules/" + dep + "\": {\n      \"version\": \"4.19." + c.nextInt(9) + "\",\n"
                    + "      \"resolved\": \"https://registry.npmjs.org/" + dep + "/-/" + dep + "-4.19.2.tgz\",");
            lock.negative("hash", "      \"integrity\": \"sha512-" + v("base64-64") + "\"");
            lock.add("    },");
        }
        lock.add("    \"\": {}\n  }\n}");
        lock.done();

        LabelledCorpus.Doc test = c.doc(root + "test/api.test.ts");
        test.add("import { describe, it, expect } from 'vitest';\nimport jwt from 'jsonwebtoken';\n");
        test.negative("test-key", "const TEST_SECRET = 'test-secret-do-not-use';");
        test.negative("documented-example", "const SAMPLE_JWT = '" + v("jwt-sample") + "';");
        test.negative("test-key", "const stripeKey = '" + v("stripe-test") + "';");
        test.add("\ndescribe('auth', () => {\n  it('verifies tokens', () => {");
        test.negative("code", "    const token = jwt.sign({ sub: 'u1' }, TEST_SECRET, { expiresIn: '1h' });");
        test.add("    expect(jwt.verify(token, TEST_SECRET)).toBeTruthy();\n  });\n});");
        test.done();

        LabelledCorpus.Doc npmrc = c.doc(root + ".npmrc");
        npmrc.add("registry=https://registry.npmjs.org/\n@acme:registry=https://npm.pkg.github.com");
        npmrc.either(0.5, "npm", "//registry.npmjs.org/:_authToken=" + v("npm"), "reference",
                "//registry.npmjs.org/:_authToken=${NPM_TOKEN}");
        npmrc.negative("reference", "//npm.pkg.github.com/:_authToken=${GITHUB_TOKEN}");
        npmrc.done();
    }

    // --- Go ---

    private void go(String root, String name) {
        LabelledCorpus.Doc main = c.doc(root + "cmd/" + name + "/main.go");
        main.add("package main\n\nimport (\n\t\"database/sql\"\n\t\"net/http\"\n\t\"os\"\n\n\t_ \"github.com/lib/pq\"\n)\n");
        main.either(0.6, "github", "const apiToken = \"" + v(c.pick("github-classic", "github-app", "github-user", "github-refresh"))
                + "\"", "reference", "var apiToken = os.Getenv(\"GITHUB_TOKEN\")");
        main.add("\nfunc main() {");
        main.either(0.6, "database-url", "\tdb, err := sql.Open(\"postgres\", \"postgres://" + name + ":" + v("url-password") + "@" + hostOf(name)
                + ":5432/" + name + "?sslmode=require\")", "reference", "\tdb, err := sql.Open(\"postgres\", os.Getenv(\"DATABASE_URL\"))");
        main.add("\tif err != nil {\n\t\tpanic(err)\n\t}\n\tdefer db.Close()\n\treq, _ := http.NewRequest(\"GET\", \"https://api.partner.example/v1/rates\", nil)");
        main.either(0.6, "authorization-bearer", "\treq.Header.Set(\"Authorization\", \"Bearer " + v("opaque-token") + "\")",
                "code", "\treq.Header.Set(\"Authorization\", \"Bearer \"+os.Getenv(\"PARTNER_TOKEN\"))");
        main.either(0.5, "password-in-call", "\treq.SetBasicAuth(\"svc-rates\", \"" + v("symbol-password") + "\")", "reference",
                "\treq.SetBasicAuth(os.Getenv(\"RATES_USER\"), os.Getenv(\"RATES_PASSWORD\"))");
        main.negative("reference", "\ttoken := os.Getenv(\"" + env(name) + "_TOKEN\")");
        main.add("\t_ = token\n\thttp.DefaultClient.Do(req)\n}");
        main.done();

        LabelledCorpus.Doc cfg = c.doc(root + "internal/config/config.go");
        cfg.add("package config\n\ntype Config struct {\n\tDSN      string `env:\"DSN\"`\n\tPassword string `env:\"DB_PASSWORD\"`\n"
                + "\tAPIKey   string `env:\"API_KEY\"`\n}\n\nfunc Defaults() Config {\n\treturn Config{\n\t\tDSN: \"host=localhost user=" + name + " dbname=" + name + "\",");
        cfg.either(0.6, "password-with-symbols", "\t\tPassword: \"" + v("symbol-password") + "\",", "placeholder",
                "\t\tPassword: \"" + placeholder() + "\",");
        cfg.either(0.5, "generic-api-key", "\t\tAPIKey: \"" + v("high-entropy") + "\",", "placeholder",
                "\t\tAPIKey: \"" + tokenPlaceholder() + "\",");
        cfg.add("\t}\n}");
        cfg.done();

        LabelledCorpus.Doc yaml = c.doc(root + "config.yaml");
        yaml.add("listen: :8080\nstorage:\n  driver: s3\n  bucket: " + name + "-events\n  credentials:");
        if (c.chance(0.6)) {
            yaml.secret("aws-access-key-id", "    id: " + v("aws-key-id"));
            yaml.secret("aws-secret-key-without-keyword", "    key: " + v("aws-secret"));
        } else {
            yaml.negative("reference", "    id: ${AWS_ACCESS_KEY_ID}");
            yaml.negative("reference", "    key: ${AWS_SECRET_ACCESS_KEY}");
        }
        yaml.add("broker:");
        yaml.either(0.6, "database-url", "  url: amqps://" + name + ":" + v("url-password") + "@mq.internal:5671/" + name, "placeholder",
                "  url: amqp://guest:guest@localhost:5672/");
        yaml.add("tracing:\n  endpoint: http://otel-collector:4317\n  sample-rate: 0.1");
        yaml.done();

        LabelledCorpus.Doc sum = c.doc(root + "go.sum");
        for (String mod : List.of("github.com/lib/pq v1.10.9", "golang.org/x/crypto v0.24.0", "github.com/google/uuid v1.6.0")) {
            sum.negative("hash", mod + " h1:" + v("base64-32"));
            sum.negative("hash", mod + "/go.mod h1:" + v("base64-32"));
        }
        sum.done();

        LabelledCorpus.Doc test = c.doc(root + "internal/auth/auth_test.go");
        test.add("package auth\n\nimport \"testing\"\n");
        test.negative("test-key", "const testSecret = \"test-signing-secret\"");
        test.negative("documented-example", "const sampleToken = \"" + v("jwt-sample") + "\"");
        test.negative("test-key", "var fakeKey = []byte(\"fake-key-0123456789\")");
        test.add("\nfunc TestVerify(t *testing.T) {\n\tif _, err := Verify(sampleToken, testSecret); err == nil {\n\t\tt.Fatal(\"want error\")\n\t}\n}");
        test.done();
    }

    // --- deployment: Kubernetes, Helm, compose, Dockerfile ---

    private void deployment(String root, String name) {
        if (c.chance(0.6)) {
            LabelledCorpus.Doc s = c.doc(root + "deploy/k8s/secret.yaml");
            s.add("apiVersion: v1\nkind: Secret\nmetadata:\n  name: " + name + "-secrets\n  namespace: " + name + "\ntype: Opaque\ndata:");
            s.secret("kubernetes-secret-data", "  DB_PASSWORD: " + c.base64(v(password())));
            s.secret("kubernetes-secret-data", "  API_TOKEN: " + c.base64(v("opaque-token")));
            s.add("stringData:");
            s.secret("kubernetes-secret-stringdata", "  SMTP_PASSWORD: " + yamlQuoted(v("symbol-password")));
            s.secret("kubernetes-secret-stringdata", "  config.json: '{\"partnerKey\": \"" + v("high-entropy") + "\"}'");
            s.done();
        } else {
            LabelledCorpus.Doc s = c.doc(root + "deploy/k8s/sealed-secret.yaml");
            s.add("apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata:\n  name: " + name + "-secrets\nspec:\n  encryptedData:");
            s.negative("encrypted", "    DB_PASSWORD: AgB" + v("base64-64").replace("=", "") + v("base64-64").replace("=", ""));
            s.negative("encrypted", "    API_TOKEN: AgC" + v("base64-64").replace("=", "") + v("base64-64").replace("=", ""));
            s.add("  template:\n    type: Opaque");
            s.done();
        }

        LabelledCorpus.Doc d = c.doc(root + "deploy/k8s/deployment.yaml");
        d.add("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: " + name + "\nspec:\n  replicas: 3\n  template:\n    spec:\n"
                + "      containers:\n        - name: " + name + "\n          image: ghcr.io/acme/" + name + "@sha256:" + v("hex64")
                + "\n          env:\n            - name: DB_PASSWORD\n              valueFrom:\n                secretKeyRef:\n"
                + "                  name: " + name + "-secrets\n                  key: DB_PASSWORD\n            - name: PARTNER_API_KEY");
        d.either(0.5, "kubernetes-env-value", "              value: \"" + v("opaque-token") + "\"", "reference",
                "              value: \"$(PARTNER_API_KEY_FROM_VAULT)\"");
        d.add("            - name: LOG_LEVEL\n              value: info\n            - name: REDIS_PASSWORD");
        d.either(0.5, "kubernetes-env-value", "              value: " + yamlQuoted(v("symbol-password")), "placeholder",
                "              value: \"\"");
        d.done();

        LabelledCorpus.Doc values = c.doc(root + "deploy/helm/values.yaml");
        values.add("replicaCount: 2\nimage:\n  repository: ghcr.io/acme/" + name + "\n  tag: 1.4.0\npostgresql:\n  auth:\n    username: " + name);
        switch (c.nextInt(3)) {
            case 0 -> values.secret("password-with-symbols", "    password: " + yamlQuoted(v("symbol-password")));
            case 1 -> values.negative("reference", "    password: \"{{ .Values.global.dbPassword }}\"");
            default -> values.negative("reference", "    existingSecret: " + name + "-db");
        }
        values.add("ingress:\n  enabled: true\n  hosts:\n    - " + name + ".acme.example\nsecrets:");
        values.either(0.5, "generic-api-key", "  apiKey: " + v("high-entropy"), "placeholder", "  apiKey: \"\"");
        values.negative("placeholder", "  webhookSecret: " + placeholder());
        values.done();

        LabelledCorpus.Doc compose = c.doc(root + "docker-compose.yml");
        compose.add("services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_USER: " + name + "\n      POSTGRES_DB: " + name);
        compose.either(0.5, "password-with-symbols", "      POSTGRES_PASSWORD: " + yamlQuoted(v("symbol-password")), "reference",
                "      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?set it in .env}");
        compose.add("  app:\n    build: .\n    depends_on: [db]\n    environment:");
        compose.either(0.5, "database-url", "      - DATABASE_URL=postgresql://" + name + ":" + v("url-password") + "@db:5432/" + name,
                "placeholder", "      - DATABASE_URL=postgresql://postgres:postgres@db:5432/" + name);
        compose.negative("reference", "      - JWT_SECRET=${JWT_SECRET}");
        compose.negative("placeholder", "      - ADMIN_PASSWORD=changeme");
        compose.add("    ports:\n      - \"8080:8080\"");
        compose.done();

        LabelledCorpus.Doc docker = c.doc(root + "Dockerfile");
        docker.add("FROM eclipse-temurin:17-jre@sha256:" + v("hex64") + "\nWORKDIR /app");
        docker.negative("reference", "ARG NPM_TOKEN");
        docker.either(0.4, "generic-api-key", "ENV PARTNER_API_KEY=" + v("opaque-token"), "reference",
                "ENV PARTNER_API_KEY=${PARTNER_API_KEY}");
        docker.add("COPY target/app.jar app.jar\nENTRYPOINT [\"java\", \"-jar\", \"app.jar\"]");
        docker.done();
    }

    // --- CI ---

    private void ci(String root, String name, int i) {
        if (i % 3 == 0) {
            LabelledCorpus.Doc gha = c.doc(root + ".github/workflows/deploy.yml");
            gha.add("name: deploy\non:\n  push:\n    branches: [main]\nenv:");
            gha.negative("reference", "  NPM_TOKEN: ${{ secrets.NPM_TOKEN }}");
            gha.either(0.5, "slack-webhook", "  SLACK_WEBHOOK_URL: " + v("slack-webhook"), "reference",
                    "  SLACK_WEBHOOK_URL: ${{ secrets.SLACK_WEBHOOK_URL }}");
            gha.add("jobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n"
                    + "      - uses: docker/login-action@v3\n        with:\n          registry: ghcr.io\n          username: ${{ github.actor }}");
            gha.negative("reference", "          password: ${{ secrets.GITHUB_TOKEN }}");
            gha.add("      - run: ./gradlew publish\n        env:");
            gha.either(0.5, "github", "          GH_TOKEN: " + v(c.pick("github-classic", "github-fine-grained", "github-oauth")),
                    "reference", "          GH_TOKEN: ${{ secrets.GH_TOKEN }}");
            gha.either(0.4, "generic-token", "          SONAR_TOKEN: " + v("hex40"), "reference", "          SONAR_TOKEN: ${{ secrets.SONAR_TOKEN }}");
            gha.done();
        } else if (i % 3 == 1) {
            LabelledCorpus.Doc gl = c.doc(root + ".gitlab-ci.yml");
            gl.add("stages: [test, deploy]\nvariables:\n  POSTGRES_DB: " + name + "\n  POSTGRES_USER: runner");
            gl.negative("placeholder", "  POSTGRES_PASSWORD: \"postgres\"");
            gl.either(0.5, "gitlab", "  DEPLOY_TOKEN: " + v(c.pick("gitlab-pat", "gitlab-deploy", "gitlab-runner", "gitlab-trigger")),
                    "reference", "  DEPLOY_TOKEN: $CI_DEPLOY_PASSWORD");
            gl.add("test:\n  stage: test\n  script:\n    - mvn -B verify\ndeploy:\n  stage: deploy\n  script:");
            gl.negative("reference", "    - git clone https://gitlab-ci-token:${CI_JOB_TOKEN}@gitlab.example.com/acme/charts.git");
            gl.either(0.5, "basic-auth-url", "    - git push https://deploy:" + v("url-password") + "@gitlab.example.com/acme/" + name + ".git",
                    "reference", "    - git push https://deploy:${DEPLOY_TOKEN}@gitlab.example.com/acme/" + name + ".git");
            gl.either(0.5, "password-in-cli", "    - docker login -u ci-bot -p '" + v("symbol-password").replace("'", "") + "' registry.example.com",
                    "reference", "    - echo \"$REGISTRY_PASSWORD\" | docker login -u ci-bot --password-stdin registry.example.com");
            gl.done();
        } else {
            LabelledCorpus.Doc j = c.doc(root + "Jenkinsfile");
            j.add("pipeline {\n  agent any\n  environment {");
            j.negative("reference", "    NEXUS = credentials('nexus-deployer')");
            j.either(0.5, "generic-api-key", "    API_KEY = '" + v("opaque-token") + "'", "reference", "    API_KEY = credentials('partner-api-key')");
            j.add("  }\n  stages {\n    stage('deploy') {\n      steps {");
            j.either(0.5, "password-in-cli", "        sh \"curl -fsS -u deployer:" + v("env-password").replace("\"", "")
                    + " https://nexus.internal/repository/releases/ --upload-file target/app.jar\"", "reference",
                    "        sh 'curl -fsS -u \"$NEXUS_USR:$NEXUS_PSW\" https://nexus.internal/repository/releases/ --upload-file target/app.jar'");
            j.add("      }\n    }\n  }\n}");
            j.done();
        }

        LabelledCorpus.Doc sh = c.doc(root + "scripts/deploy.sh");
        sh.add("#!/usr/bin/env bash\nset -euo pipefail\n");
        sh.either(0.5, "github", "export GITHUB_TOKEN=" + v("github-classic"), "reference", "export GITHUB_TOKEN=\"${GITHUB_TOKEN:?}\"");
        sh.negative("reference", "curl -fsS -H \"Authorization: Bearer $API_TOKEN\" https://api.partner.example/v1/deploys");
        sh.either(0.5, "authorization-bearer", "curl -fsS -H 'Authorization: Bearer " + v("opaque-token")
                + "' https://hooks.partner.example/notify", "placeholder",
                "curl -fsS -H 'Authorization: Bearer <token>' https://hooks.partner.example/notify");
        sh.either(0.5, "password-in-cli", "mysql -h " + hostOf(name) + " -u admin -p'" + v("symbol-password").replace("'", "")
                + "' " + name + " < schema.sql", "reference", "mysql -h " + hostOf(name) + " -u admin -p\"$MYSQL_PASSWORD\" " + name + " < schema.sql");
        sh.either(0.5, "password-with-symbols", "PGPASSWORD='" + v("symbol-password").replace("'", "") + "' psql -h " + hostOf(name)
                + " -U " + name + " -c 'select 1'", "reference", "PGPASSWORD=\"$DB_PASSWORD\" psql -h " + hostOf(name) + " -U " + name + " -c 'select 1'");
        sh.add("kubectl rollout status deployment/" + name);
        sh.done();
    }

    // --- docs ---

    private void docs(String root, String name) {
        LabelledCorpus.Doc readme = c.doc(root + "README.md");
        readme.add("# " + name + "\n\nThe " + name + " service.\n\n## Running locally\n\n```sh");
        readme.negative("documented-example", "export AWS_ACCESS_KEY_ID=" + v("aws-key-id-example"));
        readme.negative("documented-example", "export AWS_SECRET_ACCESS_KEY=" + v("aws-secret-example"));
        readme.negative("placeholder", "export DATABASE_URL=postgres://user:password@localhost:5432/" + name);
        readme.negative("placeholder", "curl -H \"Authorization: Bearer <your-token>\" http://localhost:8080/api/items");
        readme.add("```\n\nA token looks like this (do not use it):\n\n```");
        readme.negative("documented-example", "Authorization: Bearer " + v("jwt-sample"));
        readme.negative("placeholder", "GITHUB_TOKEN=ghp_" + "x".repeat(36));
        readme.add("```\n\nConfigure `app.jwt.secret` and `spring.datasource.password` through the environment;\n"
                + "the password must be at least 12 characters and the token is rotated every 90 days.");
        readme.negative("placeholder", "| `DB_PASSWORD` | database password | `changeme` |");
        readme.done();

        LabelledCorpus.Doc runbook = c.doc(root + "docs/runbook.md");
        runbook.add("# Runbook: " + name + "\n\n## Incident access\n\nAsk #platform for break-glass access.");
        if (c.chance(0.4)) {
            runbook.add("Temporary credentials for the 2024-03 migration (remove after):\n");
            runbook.secret("slack", "- bot token: `" + v("slack-bot") + "`");
            runbook.secret("password-with-symbols", "- db admin password: `" + v("symbol-password").replace("`", "") + "`");
        } else {
            runbook.negative("placeholder", "- bot token: `xoxb-<workspace>-<bot>-<secret>`");
            runbook.negative("reference", "- db admin password: stored in Vault at `secret/" + name + "/db-admin`");
        }
        runbook.add("\n## Dashboards\n\n- https://grafana.acme.example/d/" + name);
        runbook.done();
    }

    /** SaaS tokens in the stack's own config shape. */
    private void integrations(String root, String name, int stack) {
        int n = 4 + c.nextInt(3);
        switch (stack) {
            case 0 -> {
                LabelledCorpus.Doc d = c.doc(root + "src/main/resources/integrations.yml");
                d.add("integrations:");
                for (int i = 0; i < n; i++) {
                    Service s = c.pick(SERVICES);
                    d.secret(s.label(), "  " + s.env().toLowerCase(Locale.ROOT).replace('_', '-') + ": " + v(s.kind()));
                }
                d.negative("reference", "  fallback-token: ${FALLBACK_TOKEN}");
                d.done();
            }
            case 1 -> {
                LabelledCorpus.Doc d = c.doc(root + name.replace('-', '_') + "/integrations.py");
                d.add("\"\"\"Keys of the partner integrations.\"\"\"\nimport os\n");
                for (int i = 0; i < n; i++) {
                    Service s = c.pick(SERVICES);
                    d.secret(s.label(), s.env() + " = \"" + v(s.kind()) + "\"");
                }
                d.negative("reference", "FALLBACK_TOKEN = os.environ.get(\"FALLBACK_TOKEN\")");
                d.done();
            }
            case 2 -> {
                LabelledCorpus.Doc d = c.doc(root + "src/integrations.js");
                d.add("// Keys of the partner integrations.\nmodule.exports = {");
                for (int i = 0; i < n; i++) {
                    Service s = c.pick(SERVICES);
                    d.secret(s.label(), "  " + s.env() + ": '" + v(s.kind()) + "',");
                }
                d.negative("reference", "  FALLBACK_TOKEN: process.env.FALLBACK_TOKEN,");
                d.add("};");
                d.done();
            }
            default -> {
                LabelledCorpus.Doc d = c.doc(root + "deploy/integrations.env");
                for (int i = 0; i < n; i++) {
                    Service s = c.pick(SERVICES);
                    d.secret(s.label(), s.env() + "=" + v(s.kind()));
                }
                d.negative("reference", "FALLBACK_TOKEN=${FALLBACK_TOKEN}");
                d.done();
            }
        }
    }

    // --- shared infrastructure ---

    private void terraform() {
        LabelledCorpus.Doc main = c.doc("infra/terraform/main.tf");
        main.add("terraform {\n  required_version = \">= 1.6\"\n}\n\nprovider \"aws\" {\n  region     = \"eu-west-1\"");
        main.secret("aws-access-key-id", "  access_key = \"" + v("aws-key-id") + "\"");
        main.secret("aws-secret-key", "  secret_key = \"" + v("aws-secret") + "\"");
        main.add("}\n\nresource \"aws_db_instance\" \"main\" {\n  engine         = \"postgres\"\n  instance_class = \"db.t3.medium\"\n  username       = \"dbadmin\"");
        main.either(0.5, "password-with-symbols", "  password       = \"" + v("symbol-password").replace("\"", "") + "\"", "reference",
                "  password       = random_password.db.result");
        main.add("}\n\nresource \"random_password\" \"db\" {\n  length  = 32\n  special = true\n}\n\nprovider \"datadog\" {");
        main.secret("terraform-provider-key", "  api_key = \"" + v("hex32") + "\"");
        main.secret("terraform-provider-key", "  app_key = \"" + v("hex40") + "\"");
        main.add("}\n\nprovider \"cloudflare\" {");
        main.negative("reference", "  api_token = var.cloudflare_api_token");
        main.add("}\n\nresource \"aws_iam_access_key\" \"ci\" {\n  user = \"ci\"\n}\n\noutput \"ci_secret\" {");
        main.negative("reference", "  value     = aws_iam_access_key.ci.secret");
        main.add("  sensitive = true\n}");
        main.done();

        LabelledCorpus.Doc vars = c.doc("infra/terraform/variables.tf");
        vars.add("variable \"cloudflare_api_token\" {\n  type      = string\n  sensitive = true\n}\n\nvariable \"db_password\" {\n  type = string");
        vars.negative("placeholder", "  default = \"changeme\"");
        vars.add("}");
        vars.done();

        LabelledCorpus.Doc tfvars = c.doc("infra/terraform/prod.tfvars");
        tfvars.add("environment = \"prod\"\nregion      = \"eu-west-1\"");
        tfvars.secret("cloudflare-token", "cloudflare_api_token = \"" + v("opaque-token") + "\"");
        tfvars.secret("password-with-symbols", "db_password = \"" + v("symbol-password").replace("\"", "") + "\"");
        tfvars.secret("terraform-cloud", "tfe_token = \"" + v("terraform-cloud") + "\"");
        tfvars.done();

        LabelledCorpus.Doc lock = c.doc("infra/terraform/.terraform.lock.hcl");
        lock.add("provider \"registry.terraform.io/hashicorp/aws\" {\n  version     = \"5.54.1\"\n  constraints = \"~> 5.0\"\n  hashes = [");
        lock.negative("hash", "    \"h1:" + v("base64-32") + "\",");
        for (int i = 0; i < 4; i++) {
            lock.negative("hash", "    \"zh:" + v("hex64") + "\",");
        }
        lock.add("  ]\n}");
        lock.done();
    }

    private void ansible() {
        LabelledCorpus.Doc vault = c.doc("infra/ansible/group_vars/prod/vault.yml");
        vault.negative("encrypted", "$ANSIBLE_VAULT;1.1;AES256");
        for (int i = 0; i < 6; i++) {
            vault.negative("encrypted", v("hex64") + v("hex32").substring(0, 16));
        }
        vault.done();

        LabelledCorpus.Doc vars = c.doc("infra/ansible/group_vars/prod/vars.yml");
        vars.add("app_user: deploy\napp_port: 8080");
        vars.negative("reference", "db_password: \"{{ vault_db_password }}\"");
        vars.negative("reference", "api_token: \"{{ lookup('env', 'API_TOKEN') }}\"");
        vars.add("smtp_password: !vault |");
        vars.negative("encrypted", "  $ANSIBLE_VAULT;1.1;AES256");
        vars.negative("encrypted", "  " + v("hex64"));
        vars.negative("encrypted", "  " + v("hex64"));
        vars.done();

        LabelledCorpus.Doc hosts = c.doc("infra/ansible/inventory/staging.ini");
        hosts.add("[web]\nweb-1.staging.internal\nweb-2.staging.internal\n\n[web:vars]\nansible_user=deploy");
        hosts.either(0.6, "password-with-symbols", "ansible_password=" + v("env-password"), "reference",
                "ansible_password={{ vault_ansible_password }}");
        hosts.either(0.5, "password-with-symbols", "ansible_become_pass=" + v("human-password"), "placeholder",
                "ansible_become_pass=changeme");
        hosts.done();
    }

    private void sops() {
        LabelledCorpus.Doc s = c.doc("infra/sops/secrets.enc.yaml");
        s.negative("encrypted", "db_password: ENC[AES256_GCM,data:" + v("base64-32").replace("=", "") + ",iv:" + v("base64-32")
                + ",tag:" + v("base64-32").substring(0, 22) + "==,type:str]");
        s.negative("encrypted", "api_token: ENC[AES256_GCM,data:" + v("base64-64").replace("=", "") + ",iv:" + v("base64-32")
                + ",tag:" + v("base64-32").substring(0, 22) + "==,type:str]");
        s.add("sops:\n  kms:\n    - arn: arn:aws:kms:eu-west-1:123456789012:key/" + v("uuid") + "\n      created_at: \"2024-05-01T10:00:00Z\"");
        s.negative("encrypted", "      enc: AQICAH" + v("base64-64").replace("=", "") + v("base64-64"));
        s.add("  lastmodified: \"2024-05-01T10:00:00Z\"");
        s.negative("encrypted", "  mac: ENC[AES256_GCM,data:" + v("base64-64").replace("=", "") + ",iv:" + v("base64-32")
                + ",tag:" + v("base64-32").substring(0, 22) + "==,type:str]");
        s.add("  version: 3.8.1");
        s.done();
    }

    private void keys() {
        LabelledCorpus.Doc rsa = c.doc("infra/keys/deploy-key.pem");
        rsa.secret("private-key", v("rsa-private-key"));
        rsa.done();

        LabelledCorpus.Doc pk8 = c.doc("services/gateway/config/tls/server.key");
        pk8.secret("private-key", v("pkcs8-private-key"));
        pk8.done();

        LabelledCorpus.Doc ec = c.doc("services/identity/src/main/resources/signing-ec.pem");
        ec.secret("private-key", v("ec-private-key"));
        ec.done();

        LabelledCorpus.Doc ssh = c.doc("infra/ansible/files/id_ed25519");
        ssh.secret("private-key", v("openssh-private-key"));
        ssh.done();

        LabelledCorpus.Doc pub = c.doc("infra/ansible/files/id_ed25519.pub");
        pub.negative("public-key", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI" + v("base64-32").replace("=", "") + " deploy@acme");
        pub.done();

        LabelledCorpus.Doc pgp = c.doc("infra/release/signing-key.asc");
        pgp.secret("private-key", v("pgp-private-key"));
        pgp.done();

        LabelledCorpus.Doc cert = c.doc("services/gateway/config/tls/server.crt");
        cert.negative("public-key", "-----BEGIN CERTIFICATE-----\n" + wrapped(v("base64-64") + v("base64-64") + v("base64-64"))
                + "\n-----END CERTIFICATE-----");
        cert.done();

        LabelledCorpus.Doc tlsSecret = c.doc("services/gateway/deploy/k8s/tls.yaml");
        tlsSecret.add("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: gateway-tls-bundle\ndata:\n  tls.key: |");
        String pem = v("rsa-private-key");
        tlsSecret.secret("private-key", "    " + pem.replace("\n", "\n    "));
        tlsSecret.done();

        LabelledCorpus.Doc doc = c.doc("docs/security/keys.md");
        doc.add("# Keys\n\nA private key file starts like this:\n\n```");
        doc.negative("documented-example", "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA...\n-----END RSA PRIVATE KEY-----");
        doc.add("```\n\nNever commit one; use `age` and keep the identity outside the repository:\n\n```");
        doc.negative("placeholder", "AGE-SECRET-KEY-1" + "X".repeat(58));
        doc.add("```");
        doc.done();

        LabelledCorpus.Doc gcp = c.doc("infra/gcp/service-account.json");
        gcp.add("{\n  \"type\": \"service_account\",\n  \"project_id\": \"acme-prod-1234\",");
        gcp.add("  \"private_key_id\": \"" + v("hex40") + "\",");
        gcp.secret("gcp-service-account", "  \"private_key\": \"" + v("pkcs8-private-key-escaped") + "\",");
        gcp.add("  \"client_email\": \"deployer@acme-prod-1234.iam.gserviceaccount.com\",\n  \"client_id\": \"1" + v("hex32").replaceAll("[a-f]", "1").substring(0, 20)
                + "\",\n  \"token_uri\": \"https://oauth2.googleapis.com/token\"\n}");
        gcp.done();

        LabelledCorpus.Doc csv = c.doc("ops/aws/ci_accessKeys.csv");
        csv.add("Access key ID,Secret access key");
        csv.secret("aws-secret-key-without-keyword", v("aws-key-id") + "," + v("aws-secret"));
        csv.done();

        LabelledCorpus.Doc ini = c.doc("ops/aws/credentials");
        ini.add("[default]\nregion = eu-west-1");
        ini.secret("aws-access-key-id", "aws_access_key_id = " + v("aws-temp-key-id"));
        ini.secret("aws-secret-key", "aws_secret_access_key = " + v("aws-secret"));
        ini.add("\n[example]");
        ini.negative("documented-example", "aws_access_key_id = " + v("aws-key-id-example"));
        ini.negative("documented-example", "aws_secret_access_key = " + v("aws-secret-example"));
        ini.done();

        LabelledCorpus.Doc java = c.doc("services/reporting/src/main/java/com/acme/reporting/S3Export.java");
        java.add("package com.acme.reporting;\n\nimport com.amazonaws.auth.BasicAWSCredentials;\n\nfinal class S3Export {\n"
                + "    private final BasicAWSCredentials credentials = new BasicAWSCredentials(");
        java.secret("aws-access-key-id", "            \"" + v("aws-key-id") + "\",");
        java.secret("aws-secret-key-without-keyword", "            \"" + v("aws-secret") + "\");");
        java.add("}");
        java.done();

        LabelledCorpus.Doc js = c.doc("services/catalog/src/aws.js");
        js.add("const AWS = require('aws-sdk');\n\nconst credentials = new AWS.Credentials(");
        js.secret("aws-access-key-id", "  '" + v("aws-key-id") + "',");
        js.secret("aws-secret-key-without-keyword", "  '" + v("aws-secret") + "'");
        js.add(");\nmodule.exports = new AWS.S3({ credentials, region: 'eu-west-1' });");
        js.done();
    }

    private static String wrapped(String b64) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < b64.length(); i += 64) {
            sb.append(i == 0 ? "" : "\n").append(b64, i, Math.min(b64.length(), i + 64));
        }
        return sb.toString();
    }

    private void dotnet() {
        LabelledCorpus.Doc app = c.doc("dotnet/Billing.Api/appsettings.Production.json");
        app.add("{\n  \"Logging\": { \"LogLevel\": { \"Default\": \"Information\" } },\n  \"ConnectionStrings\": {");
        app.secret("azure-storage", "    \"Storage\": \"DefaultEndpointsProtocol=https;AccountName=acmebilling;AccountKey=" + v("azure-storage-key")
                + ";EndpointSuffix=core.windows.net\",");
        app.secret("password-with-symbols", "    \"Sql\": \"Server=tcp:billing.database.windows.net,1433;Database=billing;User ID=billing;Password="
                + v("env-password").replace(";", "").replace("\"", "") + ";Encrypt=True;\"");
        app.add("  },\n  \"AzureAd\": {\n    \"Instance\": \"https://login.microsoftonline.com/\",");
        app.negative("uuid", "    \"TenantId\": \"" + v("uuid") + "\",");
        app.negative("uuid", "    \"ClientId\": \"" + v("uuid") + "\",");
        app.secret("azure-ad", "    \"ClientSecret\": \"" + v("azure-client-secret") + "\"");
        app.add("  }\n}");
        app.done();

        LabelledCorpus.Doc dev = c.doc("dotnet/Billing.Api/appsettings.Development.json");
        dev.add("{\n  \"ConnectionStrings\": {");
        dev.negative("documented-example", "    \"Storage\": \"UseDevelopmentStorage=true\",");
        dev.negative("placeholder", "    \"Sql\": \"Server=localhost;Database=billing;User ID=sa;Password=<YourStrong@Passw0rd>;\"");
        dev.add("  },\n  \"AzureAd\": {");
        dev.negative("reference", "    \"ClientSecret\": \"%AZURE_CLIENT_SECRET%\"");
        dev.add("  }\n}");
        dev.done();

        LabelledCorpus.Doc web = c.doc("dotnet/Legacy.Web/Web.config");
        web.add("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <appSettings>");
        web.secret("generic-api-key", "    <add key=\"PartnerApiKey\" value=\"" + v("opaque-token") + "\" />");
        web.add("    <add key=\"PartnerUrl\" value=\"https://api.partner.example\" />");
        web.negative("reference", "    <add key=\"SmtpPassword\" value=\"#{SmtpPassword}#\" />");
        web.add("  </appSettings>\n  <connectionStrings>");
        web.secret("password-with-symbols", "    <add name=\"Legacy\" connectionString=\"Data Source=legacy-sql;Initial Catalog=legacy;User Id=web;Password="
                + xml(v("human-password")) + ";\" providerName=\"System.Data.SqlClient\" />");
        web.add("  </connectionStrings>\n</configuration>");
        web.done();
    }

    private void misc() {
        LabelledCorpus.Doc http = c.doc("services/gateway/http/requests.http");
        http.add("### list orders\nGET https://gateway.acme.example/api/orders\nAccept: application/json");
        http.secret("jwt", "Authorization: Bearer " + v("jwt"));
        http.add("\n### legacy partner\nGET https://legacy.partner.example/v1/rates");
        http.secret("authorization-basic", "Authorization: Basic " + c.base64(v("basic-credentials")));
        http.add("\n### template\nGET https://gateway.acme.example/api/items");
        http.negative("reference", "Authorization: Bearer {{token}}");
        http.done();

        LabelledCorpus.Doc pypirc = c.doc(".pypirc");
        pypirc.add("[distutils]\nindex-servers = pypi\n\n[pypi]\nusername = __token__");
        pypirc.secret("pypi", "password = " + v("pypi"));
        pypirc.done();

        LabelledCorpus.Doc netrc = c.doc("ci/.netrc");
        netrc.secret("github", "machine api.github.com login ci-bot password " + v("github-classic"));
        netrc.secret("password-with-symbols", "machine nexus.internal login deployer password " + v("env-password"));
        netrc.done();

        LabelledCorpus.Doc kube = c.doc("ops/kube/staging.kubeconfig");
        kube.add("apiVersion: v1\nkind: Config\nclusters:\n  - name: staging\n    cluster:\n      server: https://k8s.staging.internal:6443");
        kube.add("      certificate-authority-data: " + v("base64-64") + v("base64-64"));
        kube.add("users:\n  - name: deployer\n    user:");
        kube.add("      client-certificate-data: " + v("base64-64") + v("base64-64"));
        kube.secret("kubeconfig-client-key", "      client-key-data: " + c.base64(v("rsa-private-key")));
        kube.add("contexts:\n  - name: staging\n    context: { cluster: staging, user: deployer }");
        kube.done();

        LabelledCorpus.Doc seed = c.doc("services/accounts/db/seed/V2__admin_user.sql");
        seed.add("INSERT INTO users (id, email, role, password_hash) VALUES");
        seed.negative("hash", "  ('" + v("uuid") + "', 'admin@acme.example', 'admin', '" + v("bcrypt-hash") + "');");
        seed.negative("hash", "UPDATE settings SET value = 'sha256:" + v("hex64") + "' WHERE key = 'release_digest';");
        seed.done();

        LabelledCorpus.Doc md = c.doc("docs/integrations/stripe.md");
        md.add("# Stripe\n\nUse the test key from the dashboard in development:\n\n```");
        md.negative("test-key", "STRIPE_SECRET_KEY=" + v("stripe-test"));
        md.add("```\n\nProduction keys live in Vault (`secret/stripe/live`). A live key has the form:\n\n```");
        md.negative("placeholder", "sk_live_" + "•".repeat(24));
        md.add("```");
        md.done();

        LabelledCorpus.Doc changelog = c.doc("CHANGELOG.md");
        changelog.add("# Changelog\n\n## 1.4.0\n- Rotate the `SESSION_SECRET` every 30 days.\n- The password field is now masked in logs.");
        changelog.negative("code", "- Fix: `token = token.trim()` before validation.");
        changelog.negative("hash", "- Release commit " + v("hex40") + ".");
        changelog.done();

        LabelledCorpus.Doc gh = c.doc(".github/workflows/release.yml");
        gh.add("name: release\non: { push: { tags: ['v*'] } }\njobs:\n  publish:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/setup-node@v4\n        with:\n          registry-url: https://registry.npmjs.org\n      - run: npm publish\n        env:");
        gh.negative("reference", "          NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}");
        gh.add("      - run: twine upload dist/*\n        env:\n          TWINE_USERNAME: __token__");
        gh.negative("reference", "          TWINE_PASSWORD: ${{ secrets.PYPI_TOKEN }}");
        gh.done();

        LabelledCorpus.Doc mobile = c.doc("apps/mobile/src/config.ts");
        mobile.add("export const config = {\n  apiBase: 'https://api.acme.example',");
        mobile.secret("google-api-key", "  mapsApiKey: '" + v("google-api-key") + "',");
        mobile.secret("slack", "  supportWebhook: '" + v("slack-webhook") + "',");
        mobile.negative("uuid", "  installationId: '" + v("uuid") + "',");
        mobile.add("};");
        mobile.done();

        LabelledCorpus.Doc chart = c.doc("apps/mobile/android/gradle.properties");
        chart.add("org.gradle.jvmargs=-Xmx2g\nandroid.useAndroidX=true");
        chart.either(0.5, "password-with-symbols", "RELEASE_STORE_PASSWORD=" + v("symbol-password"), "placeholder",
                "RELEASE_STORE_PASSWORD=********");
        chart.either(0.5, "password-with-symbols", "RELEASE_KEY_PASSWORD=" + v("human-password"), "reference",
                "RELEASE_KEY_PASSWORD=$System.env.RELEASE_KEY_PASSWORD");
        chart.done();

        LabelledCorpus.Doc key = c.doc("services/identity/src/main/resources/age-identity.txt");
        key.add("# created: 2024-05-01T10:00:00Z\n# public key: age1" + v("hex64").substring(0, 58));
        key.secret("age", v("age-key"));
        key.done();

        String basic = c.base64("admin:" + v("symbol-password"));
        LabelledCorpus.Doc nginx = c.doc("infra/nginx/upstreams.conf");
        nginx.add("upstream legacy {\n  server legacy-1.internal:8080;\n}\nserver {\n  location /legacy/ {\n    proxy_pass http://legacy;");
        nginx.secret("authorization-basic", "    proxy_set_header Authorization \"Basic " + basic + "\";");
        nginx.add("  }\n}");
        nginx.done();
    }
}
