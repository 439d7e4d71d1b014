package io.ecsl.deploy.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecsl.schema.ServiceModel;
import io.ecsl.schema.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the differ knows about ECS: defaults, unit forms, Describe-only fields, sets, masking. */
class DifferTest {
  private static final ObjectMapper M = new ObjectMapper();
  private static final Shape TD = ServiceModel.get("ecs").input("RegisterTaskDefinition");
  private static final Shape SERVICE = ServiceModel.get("ecs").input("CreateService");

  private static JsonNode json(String s) throws Exception {
    return M.readTree(s.replace('\'', '"'));
  }

  private static List<FieldChange> diff(Shape shape, String live, String declared) throws Exception {
    return Differ.diff(Normalizer.normalize(json(live), shape), Normalizer.normalize(json(declared), shape), shape);
  }

  @Test
  void whatDescribeTaskDefinitionFillsInIsNotAChange() throws Exception {
    String live = "{'family':'web','taskDefinitionArn':'arn:aws:ecs:us-east-1:1:task-definition/web:3','revision':3,"
        + "'status':'ACTIVE','registeredAt':1700000000,'compatibilities':['EC2','FARGATE'],'networkMode':'awsvpc',"
        + "'cpu':'1024','memory':'2048','volumes':[],'placementConstraints':[],'containerDefinitions':[{'name':'app',"
        + "'image':'web:1','cpu':0,'essential':true,'environment':[],'mountPoints':[],'volumesFrom':[],"
        + "'portMappings':[{'containerPort':8080,'hostPort':8080,'protocol':'tcp'}]}]}";
    String declared = "{'family':'web','networkMode':'awsvpc','cpu':'1 vCPU','memory':'2 GB','containerDefinitions':"
        + "[{'name':'app','image':'web:1','portMappings':[{'containerPort':8080}]}]}";
    assertEquals(List.of(), diff(TD, live, declared));
  }

  @Test
  void aChangedImageIsExactlyOneChangeNamedByContainer() throws Exception {
    List<FieldChange> changes = diff(TD, "{'family':'web','containerDefinitions':[{'name':'app','image':'web:1'},"
        + "{'name':'log','image':'fluent:1'}]}", "{'family':'web','containerDefinitions':[{'name':'app','image':'web:2'},"
        + "{'name':'log','image':'fluent:1'}]}");
    assertEquals(1, changes.size());
    assertEquals("containerDefinitions[app].image", changes.get(0).path());
    assertEquals("\"web:1\"", changes.get(0).before().toString());
    assertEquals("\"web:2\"", changes.get(0).after().toString());
  }

  @Test
  void environmentOrderDoesNotMatterAndValuesAreNeverShown() throws Exception {
    assertEquals(List.of(), diff(TD, "{'containerDefinitions':[{'name':'a','environment':[{'name':'B','value':'2'},"
        + "{'name':'A','value':'1'}]}]}", "{'containerDefinitions':[{'name':'a','environment':[{'name':'A','value':'1'},"
        + "{'name':'B','value':'2'}]}]}"));
    List<FieldChange> changes = diff(TD, "{'containerDefinitions':[{'name':'a','environment':[{'name':'DB_PASSWORD',"
        + "'value':'hunter2'}]}]}", "{'containerDefinitions':[{'name':'a','environment':[{'name':'DB_PASSWORD','value':'s3cret'}]}]}");
    assertEquals(1, changes.size());
    assertTrue(changes.get(0).sensitive());
    assertEquals("containerDefinitions[a].environment[DB_PASSWORD].value", changes.get(0).path());
    assertFalse(changes.toString().contains("hunter2") || changes.toString().contains("s3cret"), changes.toString());
  }

  @Test
  void serviceDefaultsAreNotChanges() throws Exception {
    String live = "{'serviceName':'web','schedulingStrategy':'REPLICA','deploymentController':{'type':'ECS'},"
        + "'deploymentConfiguration':{'maximumPercent':200,'minimumHealthyPercent':100,'deploymentCircuitBreaker':"
        + "{'enable':false,'rollback':false}},'enableECSManagedTags':false,'propagateTags':'NONE','placementConstraints':[],"
        + "'healthCheckGracePeriodSeconds':0,'networkConfiguration':{'awsvpcConfiguration':{'subnets':['b','a'],"
        + "'assignPublicIp':'DISABLED'}}}";
    assertEquals(List.of(), diff(SERVICE, live, "{'serviceName':'web','networkConfiguration':{'awsvpcConfiguration':"
        + "{'subnets':['a','b']}}}"));
    String daemon = "{'serviceName':'agent','schedulingStrategy':'DAEMON','deploymentConfiguration':{'maximumPercent':100,"
        + "'minimumHealthyPercent':0}}";
    assertEquals(List.of(), diff(SERVICE, daemon, "{'serviceName':'agent','schedulingStrategy':'DAEMON'}"));
  }

  @Test
  void bridgeModeDynamicHostPortIsTheSameAsNone() throws Exception {
    assertEquals(List.of(), diff(TD, "{'networkMode':'bridge','containerDefinitions':[{'name':'a','portMappings':"
        + "[{'containerPort':80,'hostPort':0}]}]}", "{'networkMode':'bridge','containerDefinitions':[{'name':'a',"
        + "'portMappings':[{'containerPort':80}]}]}"));
    assertEquals(1, diff(TD, "{'networkMode':'bridge','containerDefinitions':[{'name':'a','portMappings':"
        + "[{'containerPort':80,'hostPort':8080}]}]}", "{'networkMode':'bridge','containerDefinitions':[{'name':'a',"
        + "'portMappings':[{'containerPort':80}]}]}").size());
  }

  @Test
  void unitFormsConvert() {
    assertEquals("1024", EcsDefaults.unitForm("RegisterTaskDefinitionRequest", "cpu", "1 vCPU"));
    assertEquals("512", EcsDefaults.unitForm("RegisterTaskDefinitionRequest", "cpu", ".5 vcpu".replace(".5", "0.5")));
    assertEquals("2048", EcsDefaults.unitForm("RegisterTaskDefinitionRequest", "memory", "2 GB"));
    assertEquals("2048", EcsDefaults.unitForm("RegisterTaskDefinitionRequest", "memory", "2GB"));
    assertEquals("512", EcsDefaults.unitForm("RegisterTaskDefinitionRequest", "memory", "512"));
    assertEquals("256", EcsDefaults.unitForm("TaskDefinition", "cpu", ".25 VCPU"));
  }

  @Test
  void formsEcsDoesNotReadAreLeftAsWritten() {
    // The parser the compiler and the runtime use (io.ecsl.facts.size.TaskSize): ECS would refuse these,
    // so a plan must not show them equal to a size ECS stored.
    assertEquals("0.3 vcpu", EcsDefaults.unitForm("RegisterTaskDefinitionRequest", "cpu", "0.3 vcpu"));
    assertEquals("512 MiB", EcsDefaults.unitForm("RegisterTaskDefinitionRequest", "memory", "512 MiB"));
    assertEquals("1 GiB", EcsDefaults.unitForm("RegisterTaskDefinitionRequest", "memory", "1 GiB"));
    assertEquals("1.0001 GB", EcsDefaults.unitForm("RegisterTaskDefinitionRequest", "memory", "1.0001 GB"));
  }
}
